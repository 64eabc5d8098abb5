package quotegraph

import "runtime"

// WithWorkers sets how many articles AnalyzeAll analyses at once. The
// default, and any n below 1, is one worker per core (runtime.GOMAXPROCS).
// It has no effect on Analyze, which always works on the calling goroutine.
func WithWorkers(n int) Option { return optionFunc(func(o *options) { o.workers = n }) }

// workers is the number of goroutines AnalyzeAll runs.
func (a *Analyzer) workers() int {
	if a.opts.workers > 0 {
		return a.opts.workers
	}
	return runtime.GOMAXPROCS(0)
}
