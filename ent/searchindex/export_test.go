package searchindex

// SetCandidateLimit lowers the candidate bound and how many candidates are
// ranked past it for a test, so a few items reach it; the returned function
// restores them.
func SetCandidateLimit(limit, ranked int) (restore func()) {
	oldLimit, oldRanked := candidateLimit, boundedRank
	candidateLimit, boundedRank = limit, ranked
	return func() { candidateLimit, boundedRank = oldLimit, oldRanked }
}

// SetBlockShift changes the size of PostgreSQL's ID blocks (1<<shift rows)
// for a test, before it writes; the returned function restores it.
func SetBlockShift(shift int) (restore func()) {
	old := blockShift
	blockShift = shift
	return func() { blockShift = old }
}
