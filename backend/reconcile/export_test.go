package reconcile

// RunSequential is Run one line after another, for tests that compare it
// with the batched Run.
func (b *Book) RunSequential(lines []Line, opt Options) []Result { return b.runSequential(lines, opt) }
