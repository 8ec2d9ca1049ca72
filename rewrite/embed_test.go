package rewrite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbedErrorsLikeGo gives //go:embed directives Go refuses to both
// the go command (the oracle) and Rewrite, and wants Go's first error at
// Go's position; embed.FS, which concur refuses, is checked on its own.
func TestEmbedErrorsLikeGo(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go on PATH: the oracle is missing")
	}
	cases := map[string]string{
		"missing":  "//go:embed missing.txt\nvar s string",
		"outside":  "//go:embed ../x.txt\nvar s string",
		"absolute": "//go:embed /etc/hostname\nvar s string",
		"two":      "//go:embed a.txt b.txt\nvar s string",
		"dir-two":  "//go:embed sub\nvar s string",
		"type":     "//go:embed a.txt\nvar n int",
		"init":     `//go:embed a.txt` + "\nvar s string = \"x\"",
		"two-vars": "//go:embed a.txt\nvar s, u string",
		"in-func":  "func f() {\n\t//go:embed a.txt\n\tvar s string\n\t_ = s\n}",
	}
	for name, decl := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range []string{"a.txt", "b.txt", "sub/one.txt", "sub/two.txt"} {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, f), []byte(f), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			src := "package main\n\nimport _ \"embed\"\n\n" + decl + "\n\nfunc main() {}\n"
			file := filepath.Join(dir, "prog.go")
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module prog\n\ngo 1.26\n"), 0o644)
			cmd := exec.Command(goTool, "build", "-o", os.DevNull, ".")
			cmd.Dir, cmd.Env = dir, append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("go build accepted:\n%s", src)
			}
			var want string
			for l := range strings.Lines(string(out)) {
				if strings.HasPrefix(l, "./prog.go:") || strings.HasPrefix(l, "prog.go:") {
					want = strings.TrimPrefix(strings.TrimSpace(l), "./")
					break
				}
			}
			_, err = Rewrite(file, src, nil)
			if err == nil {
				t.Fatalf("Rewrite accepted it; go build says %s", want)
			}
			got := strings.TrimPrefix(strings.SplitN(err.Error(), "\n", 2)[0], dir+string(filepath.Separator))
			if got != want {
				t.Errorf("Rewrite: %s\ngo build: %s", got, want)
			}
		})
	}

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a"), 0o644)
	src := "package main\n\nimport \"embed\"\n\n//go:embed a.txt\nvar files embed.FS\n\nfunc main() { _ = files }\n"
	_, err = Rewrite(filepath.Join(dir, "prog.go"), src, nil)
	if err == nil || !strings.Contains(err.Error(), "embed.FS is not supported by concur: embed each file into a string or []byte variable") {
		t.Errorf("embed.FS: %v; want concur's refusal naming the workaround", err)
	}
}
