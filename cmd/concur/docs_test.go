package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Documents whose example output must come from a run.
var generatedDocs = []string{"../../README.md", "../../docs/events.md"}

// exampleBlock and outputBlock mark the generated parts of a document:
//
//	<!-- example: NAME -->      followed by a fenced block: the file NAME
//	<!-- output: concur ARGS --> followed by a fenced block: what `concur ARGS` prints
var (
	exampleBlock = regexp.MustCompile("(?s)<!-- example: (\\S+) -->\n```[a-z]*\n(.*?)```")
	outputBlock  = regexp.MustCompile("(?s)(<!-- output: concur ([^>]*?) -->\n```[a-z]*\n)(.*?)(```)")
)

// sameRun compares two outputs of the same run: runs on the virtual clock
// are deterministic, so they must be the same, ties included.
func sameRun(a, b string) bool {
	return strings.TrimSpace(a) == strings.TrimSpace(b)
}

// TestDocsOutputs runs every example in the documents and checks that the
// output shown is what concur prints. UPDATE_DOCS=1 rewrites the blocks from
// the run instead.
func TestDocsOutputs(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	for _, doc := range generatedDocs {
		t.Run(filepath.Base(doc), func(t *testing.T) {
			text, err := os.ReadFile(doc)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for _, m := range exampleBlock.FindAllSubmatch(text, -1) {
				if err := os.WriteFile(filepath.Join(dir, string(m[1])), m[2], 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wd, _ := os.Getwd()
			if err := os.Chdir(dir); err != nil {
				t.Fatal(err)
			}
			defer os.Chdir(wd)
			changed := false
			updated := outputBlock.ReplaceAllFunc(text, func(block []byte) []byte {
				m := outputBlock.FindSubmatch(block)
				args := strings.Fields(string(m[2]))
				var out bytes.Buffer
				run(args, strings.NewReader(""), &out, &out)
				if !sameRun(out.String(), string(m[3])) {
					changed = true
					if os.Getenv("UPDATE_DOCS") == "" {
						t.Errorf("%s: `concur %s` printed:\n%s\nthe document shows:\n%s", doc, m[2], out.Bytes(), m[3])
					}
				}
				return []byte(string(m[1]) + out.String() + string(m[4]))
			})
			if changed && os.Getenv("UPDATE_DOCS") != "" {
				os.Chdir(wd)
				if err := os.WriteFile(doc, updated, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("updated %s", doc)
			}
		})
	}
}
