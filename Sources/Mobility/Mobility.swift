// Placeholder until its issue lands; keeps the target buildable.
