package lessons_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/concur-dev/concur/lessons"
)

// Answers a learner might give, as test data for the checks: for every
// exercise, at least one wrong answer (one that sleeps instead of
// synchronising, races, or prints a line in pieces) and one correct answer
// that differs from the reference solution. They live in
// testdata/answers/LESSON-ID/EXERCISE/, named right-*.go.txt and
// wrong-*.go.txt (.txt: most are snippets, not Go files gofmt could read),
// each starting with a comment that says what it does.
//
// Every correct answer must pass. Every wrong answer must fail, except those
// in acceptedWrong: answers today's checks cannot tell from a correct one.

// acceptedWrong lists wrong answers the checks accept for now, and why. It
// empties as checks learn to judge synchronisation (issue 11: checks run
// under perturbed schedules, lines printed in pieces visible to checks).
var acceptedWrong = map[string]string{
	"sync-nonblocking/gather-three/wrong-sleep.go.txt":                  untilPerturbed,
	"async-nonblocking/nobody-left/wrong-sleep.go.txt":                  untilPerturbed,
	"interleaving/one-call/wrong-torn.go.txt":                           untilPieces,
	"goroutines/hundred/wrong-sleep.go.txt":                             untilPerturbed,
	"unbuffered-channels/baton/wrong-sleep.go.txt":                      untilPerturbed,
	"waitgroup/results/wrong-sleep.go.txt":                              untilPerturbed,
	"waitgroup/results/wrong-add-inside.go.txt":                         untilSchedules,
	"waitgroup/forgotten-add/wrong-sleep.go.txt":                        untilPerturbed,
	"deadlock/range-close/wrong-sleep-close.go.txt":                     untilPerturbed,
	"pools-pipelines/three-workers/wrong-sleep-close.go.txt":            untilPerturbed,
	"once-rwmutex/cache/wrong-no-lock.go.txt":                           untilRaces,
	"cancel-pipeline/square-listens/wrong-sleep-instead-of-wait.go.txt": untilPerturbed,
	"crawler/crawl/wrong-sleep.go.txt":                                  untilPerturbed,
}

// leakCheckRaces lists correct answers whose last goroutine hands main its
// final value and then returns: when the runtime runs main first (under
// load, preemption makes it likely), the program ends before that goroutine
// has, and "no leaked goroutines" counts it. Such a failure is logged, not
// reported, until the check counts only goroutines that can never finish
// (issue 11); any other failure is reported.
var leakCheckRaces = map[string]bool{
	"crawler/crawl/right-coordinator.go.txt": true,
}

// The reasons wrong answers pass today.
const (
	untilPerturbed = "relies on timing (a sleep as long as another goroutine takes, a yield, a receiver already waiting) instead of synchronising: accepted until checks run under perturbed schedules and sleeps (issue 11)"
	untilSchedules = "relies on the order goroutines happen to take turns in: accepted until checks run under several schedules (issue 11)"
	untilRaces     = "has a data race that gives the right result when goroutines take turns on one processor: accepted until checks run under several schedules (issue 11)"
	untilPieces    = "writes a line in pieces: concur joins a goroutine's pieces into one line, and checks cannot see them until they can (issue 11)"
)

func TestAnswers(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range load(t) {
		for _, s := range l.Steps {
			x := s.Exercise
			if x == nil {
				continue
			}
			key := l.ID + "/" + x.Name
			dir := filepath.Join("testdata", "answers", l.ID, x.Name)
			files, _ := filepath.Glob(filepath.Join(dir, "*"))
			sort.Strings(files)
			right, wrong := 0, 0
			for _, f := range files {
				switch base := filepath.Base(f); {
				case !strings.HasSuffix(base, ".go.txt"):
					t.Errorf("%s: an answer is named right-*.go.txt or wrong-*.go.txt", f)
				case strings.HasPrefix(base, "right-"):
					right++
				case strings.HasPrefix(base, "wrong-"):
					wrong++
				default:
					t.Errorf("%s: an answer is named right-*.go.txt or wrong-*.go.txt", f)
				}
			}
			if right == 0 || wrong == 0 {
				t.Errorf("exercise %s needs at least one right-*.go.txt and one wrong-*.go.txt answer in %s (it has %d and %d)", key, dir, right, wrong)
			}
			for _, f := range files {
				rel := filepath.ToSlash(strings.TrimPrefix(f, filepath.Join("testdata", "answers")+string(filepath.Separator)))
				seen[rel] = true
				t.Run(rel, func(t *testing.T) {
					t.Parallel()
					data, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					src := string(data)
					if !strings.HasPrefix(src, "//") {
						t.Errorf("%s: start it with a comment saying what the answer does", f)
					}
					if lessons.SameCode(src, x.Solution) {
						t.Errorf("%s is the reference solution again: an answer must differ from it", f)
					}
					events, _ := run(t, x.File(), src)
					failures, failed, err := lessons.Judge(x.Checks, events, explorer(x.File(), src))
					if err != nil {
						t.Fatal(err)
					}
					out := ""
					if failed != nil {
						out = printed(failed.Events)
					} else {
						out = printed(events)
					}
					if strings.HasPrefix(filepath.Base(f), "right-") {
						for _, fl := range failures {
							if leakCheckRaces[rel] && fl.Expectation.Text == "no leaked goroutines" {
								t.Logf("%s: failed the leak check in this run (%s): see leakCheckRaces", rel, fl)
								continue
							}
							t.Errorf("%s: a correct answer fails: %s; it prints\n%s", f, fl, out)
						}
						return
					}
					why, accepted := acceptedWrong[rel]
					switch {
					case len(failures) == 0 && !accepted:
						t.Errorf("%s: a wrong answer passes every check; it prints\n%s", f, out)
					case len(failures) == 0:
						t.Logf("%s: accepted for now (%s)", rel, why)
					case accepted:
						t.Logf("%s: rejected in this run (%s); once it is rejected on every run, take it out of acceptedWrong", rel, failures[0])
					default:
						for _, fl := range failures {
							if fl.Expectation.Line == 0 {
								t.Errorf("%s: a wrong answer must run and fail a check; instead: %s", f, fl)
							}
						}
						t.Logf("%s: rejected: %s", rel, failures[0])
					}
				})
			}
			// The reference solution passes on every schedule too, not
			// only on the default one (TestExercises).
			t.Run(l.ID+"/"+x.Name+"/solution", func(t *testing.T) {
				t.Parallel()
				events, _ := run(t, x.File(), x.Solution)
				failures, failed, err := lessons.Judge(x.Checks, events, explorer(x.File(), x.Solution))
				if err != nil {
					t.Fatal(err)
				}
				for _, fl := range failures {
					t.Errorf("%s: the solution of %s fails: %s; it prints\n%s", l.Source[lessons.English], key, fl, printed(failed.Events))
				}
			})
		}
	}
	for rel := range acceptedWrong {
		if !seen[rel] {
			t.Errorf("acceptedWrong names %s, which is not an answer of any exercise", rel)
		}
	}
	for rel := range leakCheckRaces {
		if !seen[rel] || !strings.Contains(rel, "/right-") {
			t.Errorf("leakCheckRaces names %s, which is not a correct answer of any exercise", rel)
		}
	}
}
