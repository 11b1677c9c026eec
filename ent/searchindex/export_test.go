package searchindex

// SetCandidateLimit lowers the candidate bound for a test, so a few items
// reach it; the returned function restores it.
func SetCandidateLimit(n int) (restore func()) {
	old := candidateLimit
	candidateLimit = n
	return func() { candidateLimit = old }
}
