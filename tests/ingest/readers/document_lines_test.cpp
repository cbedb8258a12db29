// Placeholder (issue #3).
