package app

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

// JobProgress reports how far a long task has come.
type JobProgress struct {
	ID    string `json:"id"`
	Stage string `json:"stage"` // a message key the frontend translates
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// JobDone reports the end of a long task: its result or its error.
type JobDone struct {
	ID     string    `json:"id"`
	OK     bool      `json:"ok"`
	Error  *ErrorDTO `json:"error"`
	Result any       `json:"result"`
}

// jobs runs long tasks in the background, one cancel function each.
type jobs struct {
	mu      sync.Mutex
	next    atomic.Int64
	running map[string]context.CancelFunc
}

func newJobs() *jobs { return &jobs{running: map[string]context.CancelFunc{}} }

// start runs fn in a goroutine and reports its progress and end as events.
// fn must leave nothing half-written when its context is cancelled.
func (s *Session) startJob(kind string, fn func(ctx context.Context, progress func(stage string, done, total int64)) (any, error)) string {
	id := fmt.Sprintf("%s-%d", kind, s.jobs.next.Add(1))
	ctx, cancel := context.WithCancel(context.Background())
	s.jobs.mu.Lock()
	s.jobs.running[id] = cancel
	s.jobs.mu.Unlock()
	go func() {
		defer func() {
			s.jobs.mu.Lock()
			delete(s.jobs.running, id)
			s.jobs.mu.Unlock()
			cancel()
		}()
		res, err := func() (res any, err error) {
			defer recoverTo(&err)
			return fn(ctx, func(stage string, done, total int64) {
				s.emit(EventJobProgress, JobProgress{ID: id, Stage: stage, Done: done, Total: total})
			})
		}()
		d := JobDone{ID: id, OK: err == nil, Result: res}
		if err != nil {
			dto := ToDTO(s.Lang(), err)
			d.Error = &dto
		}
		s.emit(EventJobDone, d)
	}()
	return id
}

func (j *jobs) cancel(id string) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	c, ok := j.running[id]
	if ok {
		c()
	}
	return ok
}

func (j *jobs) cancelAll() {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, c := range j.running {
		c()
	}
}
