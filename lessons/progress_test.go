package lessons_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/concur-dev/concur/lessons"
)

func TestProgressRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "concur", "progress.json")
	p, err := lessons.LoadProgress(path)
	if err != nil {
		t.Fatalf("missing file: %v, want no progress and no error", err)
	}
	if p.Started("sync-blocking") {
		t.Fatal("a missing file has started lessons")
	}
	opened := time.Date(2026, 11, 25, 1, 2, 3, 0, time.UTC)
	lp := p.Lesson("sync-blocking")
	lp.Step, lp.LastOpened = 2, opened
	p.MarkSolved("sync-blocking", "shortest-first")
	p.MarkSolved("sync-blocking", "shortest-first") // once is enough
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	q, err := lessons.LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	got := q.Lessons["sync-blocking"]
	if got == nil || got.Step != 2 || !got.LastOpened.Equal(opened) || len(got.Done) != 1 {
		t.Fatalf("read back %+v", got)
	}
	if !q.Solved("sync-blocking", "shortest-first") || q.Solved("sync-blocking", "other") || q.Started("async-blocking") {
		t.Error("Solved/Started disagree with what was saved")
	}
}

func TestProgressComplete(t *testing.T) {
	ls := load(t)
	p := &lessons.Progress{}
	l := ls[0]
	if p.Complete(l) {
		t.Fatal("complete with nothing solved")
	}
	for _, s := range l.Steps {
		if s.Exercise != nil {
			p.MarkSolved(l.ID, s.Exercise.Name)
		}
	}
	if !p.Complete(l) {
		t.Fatal("not complete with every exercise solved")
	}
}

func TestProgressCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	if err := os.WriteFile(path, []byte(`{"lessons": [oops`), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := lessons.LoadProgress(path)
	var corrupt *lessons.CorruptError
	if !errors.As(err, &corrupt) {
		t.Fatalf("err = %v, want a *CorruptError", err)
	}
	if p == nil || len(p.Lessons) != 0 {
		t.Fatalf("progress %+v, want empty", p)
	}
	if corrupt.MovedTo != path+".bad" {
		t.Errorf("moved to %q", corrupt.MovedTo)
	}
	if _, err := os.Stat(path + ".bad"); err != nil {
		t.Errorf("the bad file was not kept: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the bad file is still in place: %v", err)
	}
	// The next save starts afresh, and loads cleanly.
	p.MarkSolved("sync-blocking", "shortest-first")
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	if q, err := lessons.LoadProgress(path); err != nil || !q.Solved("sync-blocking", "shortest-first") {
		t.Fatalf("after a save: %v, %+v", err, q)
	}
}

func TestProgressAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	p := &lessons.Progress{}
	p.Lesson("sync-blocking").Step = 1
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	// A save that cannot finish leaves the old file whole: here the
	// directory is read-only, so no temporary file can be made in it.
	if os.Getuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		p.Lesson("sync-blocking").Step = 2
		if err := p.Save(path); err == nil {
			t.Error("save into a read-only directory succeeded")
		}
		os.Chmod(dir, 0o755)
		if now, _ := os.ReadFile(path); string(now) != string(old) {
			t.Errorf("a failed save changed the file:\n%s", now)
		}
	}
	// A successful save leaves no temporary files behind.
	p.Lesson("sync-blocking").Step = 3
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files after saving: %v, want only progress.json", names)
	}
}

func TestProgressPath(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/state")
	if got, err := lessons.ProgressPath(); err != nil || got != "/state/concur/progress.json" {
		t.Errorf("ProgressPath() = %q, %v", got, err)
	}
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", "/home/learner")
	if got, err := lessons.ProgressPath(); err != nil || got != "/home/learner/.local/state/concur/progress.json" {
		t.Errorf("ProgressPath() = %q, %v", got, err)
	}
}

// TestProgressMigrates: a progress file from before steps moved resumes at
// the same step, now at its new place; the file says which course version
// its steps count in.
func TestProgressMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	old := `{"lessons": {
		"sync-nonblocking": {"step": 2, "done": ["gather-three"]},
		"sync-blocking": {"step": 1}
	}}`
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := lessons.LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	ls := load(t)
	for _, l := range ls {
		if l.ID != "sync-nonblocking" {
			continue
		}
		step := p.Lessons[l.ID].Step
		if x := l.Steps[step].Exercise; x == nil || x.Name != "gather-three" {
			t.Errorf("version 1's step 2 of %s (its exercise) is now step %d, which is %q", l.ID, step, l.Steps[step].Title[lessons.English])
		}
	}
	if got := p.Lessons["sync-blocking"].Step; got != 1 {
		t.Errorf("a lesson whose steps did not move: step %d, want 1", got)
	}
	if !p.Solved("sync-nonblocking", "gather-three") {
		t.Error("a solved exercise is no longer solved")
	}
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	q, err := lessons.LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	if q.Version != lessons.CourseVersion || q.Lessons["sync-nonblocking"].Step != p.Lessons["sync-nonblocking"].Step {
		t.Errorf("saved and read again: version %d, step %d; moved twice?", q.Version, q.Lessons["sync-nonblocking"].Step)
	}
}
