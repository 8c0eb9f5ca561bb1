import Foundation

/// Why a card file cannot be read, said as what it is: a symbolic-link loop,
/// a link to nothing, a FIFO (reading it would block), something other than
/// a regular file, or a file without read permission. Nil when it can be read.
enum CardFile {
    static func problem(_ path: String) -> String? {
        var st = stat()
        if stat(path, &st) != 0 {
            switch errno {
            case ELOOP: return "is a symbolic link loop (too many levels of symbolic links); point the link at a card file"
            case ENOENT: return "is a symbolic link to a missing file; point it at a card file or remove it"
            default: return "cannot be read: \(String(cString: strerror(errno)))"
            }
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO: return "is a FIFO, not a file; a card must be a regular YAML file"
        case S_IFDIR: return "is a directory, not a file; a card must be a regular YAML file"
        default: return "is not a regular file; a card must be a regular YAML file"
        }
        if access(path, R_OK) != 0 { return "cannot be read (\(String(cString: strerror(errno)))); make it readable (chmod a+r)" }
        return nil
    }
}
