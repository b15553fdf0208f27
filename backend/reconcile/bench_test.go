package reconcile_test

import (
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"cartera/backend/reconcile"
	"cartera/backend/reconcile/synth"
)

// BenchmarkRun is issue 10's figure: auto-reconcile 100,000 deposits against
// 1,000,000 open invoices of 20,000 clients (NewBook + Run), and the same
// book with 10,000 and 30,000 lines to show that time grows with the lines.
// Run it with: go test ./backend/reconcile/ -run XXX -bench Run -benchtime 1x
func BenchmarkRun(b *testing.B) {
	for _, lines := range []int{10_000, 30_000, 100_000} {
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			start := time.Now()
			ds := synth.Generate(7, synth.Config{Country: "CL", Clients: 20_000, Invoices: 1_000_000, Lines: lines})
			gen := time.Since(start)
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			var auto int
			for i := 0; i < b.N; i++ {
				cpu0 := cpuTime()
				t0 := time.Now()
				book := reconcile.NewBook(ds.Country, ds.Clients, ds.Documents, ds.Rules)
				built := time.Since(t0)
				b.StopTimer()
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "book-MiB")
				b.ReportMetric(float64(before.HeapAlloc)/(1<<20), "dataset-MiB")
				b.StartTimer()
				res := book.Run(ds.Lines, reconcile.Options{})
				auto = 0
				for _, r := range res {
					if r.Auto {
						auto++
					}
				}
				b.ReportMetric(built.Seconds(), "newbook-s")
				b.ReportMetric(time.Since(t0).Seconds(), "total-s")
				b.ReportMetric((cpuTime() - cpu0).Seconds(), "cpu-s")
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")
			b.ReportMetric(float64(auto), "auto")
			b.Logf("generated %d documents and %d lines in %s", len(ds.Documents), len(ds.Lines), gen.Round(time.Millisecond))
		})
	}
}

// cpuTime is the processor time this process has used (user and system),
// which, unlike the wall time, does not grow when other programs share the
// machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
