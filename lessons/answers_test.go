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
// Every correct answer must pass and every wrong answer must fail, as
// :check judges them (lessons.Judge: the default schedule and 16 others,
// 8 with every sleep perturbed).

func TestAnswers(t *testing.T) {
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
							t.Errorf("%s: a correct answer fails: %s; it prints\n%s", f, fl, out)
						}
						return
					}
					switch {
					case len(failures) == 0:
						t.Errorf("%s: a wrong answer passes every check on every schedule; it prints\n%s", f, out)
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
}
