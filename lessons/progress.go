package lessons

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Progress is what a learner has done: per lesson, where they stopped and
// which exercises they solved. It is kept as JSON in ProgressPath.
type Progress struct {
	// Version is the course's version the steps are counted in. Files from
	// before it was kept read as version 1, and LoadProgress moves their
	// steps to where those steps are now (stepMoves).
	Version int                        `json:"version"`
	Lessons map[string]*LessonProgress `json:"lessons"` // by lesson id
}

// CourseVersion is the version of the course's steps: it goes up when a
// revision moves the steps of a lesson, with an entry in stepMoves.
const CourseVersion = 2

// stepMoves says, for each version, where the steps of a lesson went in the
// next one: the step index a learner stopped at in version v, by lesson id,
// becomes stepMoves[v][id][index]. Lessons are keyed by id, which never
// changes, so renumbering lessons needs no entry; only steps inserted before
// others do. Steps added after the last one move nothing.
var stepMoves = map[int]map[string][]int{
	1: {
		// A step on polling after the first.
		"sync-nonblocking": {0, 2, 3},
	},
}

// migrate moves the steps of progress written by an older course to where
// they are now.
func (p *Progress) migrate() {
	if p.Version == 0 {
		p.Version = 1
	}
	for ; p.Version < CourseVersion; p.Version++ {
		for id, moves := range stepMoves[p.Version] {
			if lp := p.Lessons[id]; lp != nil && lp.Step >= 0 && lp.Step < len(moves) {
				lp.Step = moves[lp.Step]
			}
		}
	}
}

// LessonProgress is a learner's progress in one lesson.
type LessonProgress struct {
	Step       int       `json:"step"`           // the step to resume at, from 0
	Done       []string  `json:"done,omitempty"` // names of the exercises solved
	LastOpened time.Time `json:"last_opened"`
}

// CorruptError says a progress file could not be read and was moved aside.
type CorruptError struct {
	Path, MovedTo string
	Err           error
}

func (e *CorruptError) Error() string {
	if e.MovedTo == "" {
		return fmt.Sprintf("progress file %s is unreadable (%v); starting afresh", e.Path, e.Err)
	}
	return fmt.Sprintf("progress file %s is unreadable (%v); moved it to %s and starting afresh", e.Path, e.Err, e.MovedTo)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// ProgressPath is where progress is kept: $XDG_STATE_HOME/concur/progress.json,
// or ~/.local/state/concur/progress.json.
func ProgressPath() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "concur", "progress.json"), nil
}

// LoadProgress reads the progress file at path. A missing file is no
// progress yet. A file that is not valid progress is moved aside to
// path+".bad" and LoadProgress returns empty progress together with a
// *CorruptError saying so; callers show the error and go on.
func LoadProgress(path string) (*Progress, error) {
	p := &Progress{Version: CourseVersion, Lessons: map[string]*LessonProgress{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	var read Progress
	if err := json.Unmarshal(data, &read); err != nil {
		bad := path + ".bad"
		cerr := &CorruptError{Path: path, MovedTo: bad, Err: err}
		if rerr := os.Rename(path, bad); rerr != nil {
			cerr.MovedTo = ""
		}
		return p, cerr
	}
	for id, lp := range read.Lessons {
		if lp != nil {
			p.Lessons[id] = lp
		}
	}
	p.Version = read.Version
	p.migrate()
	return p, nil
}

// Save writes p to path atomically: to a temporary file in the same
// directory, then renamed over path, so a crash never leaves half a file.
func (p *Progress) Save(path string) error {
	if p.Version == 0 {
		p.Version = CourseVersion
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".progress-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Lesson returns the progress in the lesson with id, creating it if need be.
func (p *Progress) Lesson(id string) *LessonProgress {
	if p.Lessons == nil {
		p.Lessons = map[string]*LessonProgress{}
	}
	lp := p.Lessons[id]
	if lp == nil {
		lp = &LessonProgress{}
		p.Lessons[id] = lp
	}
	return lp
}

// Started reports whether the lesson with id was ever opened.
func (p *Progress) Started(id string) bool { return p.Lessons[id] != nil }

// Solved reports whether the exercise name of lesson id was solved.
func (p *Progress) Solved(id, name string) bool {
	lp := p.Lessons[id]
	return lp != nil && slices.Contains(lp.Done, name)
}

// MarkSolved records that the exercise name of lesson id was solved.
func (p *Progress) MarkSolved(id, name string) {
	lp := p.Lesson(id)
	if !slices.Contains(lp.Done, name) {
		lp.Done = append(lp.Done, name)
	}
}

// Complete reports whether every exercise of l was solved (and l has one).
func (p *Progress) Complete(l Lesson) bool {
	n := 0
	for _, s := range l.Steps {
		if s.Exercise == nil {
			continue
		}
		n++
		if !p.Solved(l.ID, s.Exercise.Name) {
			return false
		}
	}
	return n > 0
}
