import ArgumentParser
import Reports

extension OutputFormat: ExpressibleByArgument {}
