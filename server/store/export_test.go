package store

// PreparedCount is how many read statements db keeps prepared.
func PreparedCount(db *DB) int {
	for d := db.Driver; d != nil; {
		switch x := d.(type) {
		case *preparedReads:
			return x.stmts.Len()
		case writeWatch:
			d = x.Driver
		case utcTimes:
			d = x.Driver
		case routedDriver:
			d = x.Driver
		case ObservedDriver:
			d = x.Driver
		default:
			return 0
		}
	}
	return 0
}
