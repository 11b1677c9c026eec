package searchindex

// SetCandidateLimit lowers the candidate bound for a test, so a few items
// reach it; the returned function restores it.
func SetCandidateLimit(n int) (restore func()) {
	old := candidateLimit
	candidateLimit = n
	return func() { candidateLimit = old }
}

// SetBlockShift changes the size of PostgreSQL's ID blocks (1<<shift rows)
// for a test, before it writes; the returned function restores it.
func SetBlockShift(shift int) (restore func()) {
	old := blockShift
	blockShift = shift
	return func() { blockShift = old }
}
