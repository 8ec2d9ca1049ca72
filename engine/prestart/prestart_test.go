package prestart

import "testing"

// Only `concur run [flags] FILE` starts its worker early: not the REPL, not
// a program read from standard input, not --explore, not a help request.
func TestWanted(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"concur", "run", "hello.go"}, true},
		{[]string{"concur", "run", "--clock=real", "--seed", "3", "hello.go"}, true},
		{[]string{"concur", "run", "-"}, false},
		{[]string{"concur", "run", "--explore=5", "race.go"}, false},
		{[]string{"concur", "run", "-explore", "5", "race.go"}, false},
		{[]string{"concur", "run", "-h", "x.go"}, false},
		{[]string{"concur", "run"}, false},
		{[]string{"concur"}, false},
		{[]string{"concur", "learn", "3"}, false},
		{[]string{"concur", "replay", "s.json"}, false},
	} {
		if got := wanted(c.args); got != c.want {
			t.Errorf("wanted(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
