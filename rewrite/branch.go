package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// Branches out of select statements. yaegi v0.16.1 gets them wrong: an
// unlabeled break in a select case leaves the function (or the loop around
// the select), a continue in a select case does not skip the rest of the
// loop body, and a labeled break of a loop from a select in an inner loop
// only leaves the select. A labeled break of the select works, and so do
// break and continue outside it, so
//
//	select { case <-ch: if c { break }; ... }
//	select { case <-ch: continue }
//
// become
//
//	__concur_sN: select { case <-ch: if c { break __concur_sN }; ... }
//	var __concur_cN bool; __concur_sN: select { case <-ch: { __concur_cN = true; break __concur_sN } }; if __concur_cN { __concur_cN = false; continue }

// branchTarget is a statement a break or continue may leave.
type branchTarget struct {
	kind    targetKind
	label   string   // its label, or the one given to a select
	stmt    ast.Stmt // the statement, for a select: where its label goes
	labeled *ast.LabeledStmt
	flags   map[string]string // continue flags of a select, by the continue's label
	// What goes before a select: its flags' declarations and the label
	// given to it, in one edit that grows.
	prefixVars []string
	ownLabel   bool
	prefixEdit int
}

type targetKind uint8

const (
	targetLoop targetKind = iota
	targetSwitch
	targetSelect
	targetYield // a range-over-func loop: what leaves its body is its business (rangefunc.go)
)

// pushTarget records a statement that break or continue may leave while its
// body is walked; it returns what pops it.
func (r *rewriter) pushTarget(kind targetKind, stmt ast.Stmt) func() {
	t := &branchTarget{kind: kind, stmt: stmt, labeled: r.labelFor, prefixEdit: -1}
	if r.labelFor != nil && r.labelFor.Stmt == stmt {
		t.label = r.labelFor.Label.Name
	} else {
		t.labeled = nil
	}
	r.labelFor = nil
	r.targets = append(r.targets, t)
	return func() { r.targets = r.targets[:len(r.targets)-1] }
}

// selectBranch bridges a break or continue that leaves a select statement,
// and reports whether it did.
func (r *rewriter) selectBranch(s *ast.BranchStmt) bool {
	if s.Tok != token.BREAK && s.Tok != token.CONTINUE {
		return false
	}
	ti := -1
	for i := len(r.targets) - 1; i >= 0; i-- {
		t := r.targets[i]
		if t.kind == targetYield {
			return false
		}
		if s.Label != nil {
			if t.label == s.Label.Name {
				ti = i
				break
			}
			continue
		}
		if t.kind == targetLoop || (s.Tok == token.BREAK && t.kind != targetYield) {
			ti = i
			break
		}
	}
	if ti < 0 {
		return false
	}
	target := r.targets[ti]
	if s.Tok == token.BREAK && target.kind == targetSelect {
		if s.Label == nil {
			r.replace(r.off(s.Pos()), r.off(s.End()), "break "+r.selectLabel(target))
		}
		return true
	}
	var outer *branchTarget // the outermost select the branch leaves
	for i := ti + 1; i < len(r.targets); i++ {
		if r.targets[i].kind == targetSelect {
			outer = r.targets[i]
			break
		}
	}
	if outer == nil {
		return false
	}
	jump := s.Tok.String() // break or continue, done after the select
	if s.Label != nil {
		jump += " " + s.Label.Name
	}
	flag, ok := outer.flags[jump]
	if !ok {
		flag = fmt.Sprintf("%s_c%d", reservedPrefix, r.nextID())
		if outer.flags == nil {
			outer.flags = map[string]string{}
		}
		outer.flags[jump] = flag
		outer.prefixVars = append(outer.prefixVars, "var "+flag+" bool; ")
		r.setPrefix(outer)
		r.insert(r.off(outer.stmt.End()), "; if "+flag+" { "+flag+" = false; "+jump+" }")
	}
	r.replace(r.off(s.Pos()), r.off(s.End()), "{ "+flag+" = true; break "+r.selectLabel(outer)+" }")
	return true
}

// selectLabel returns a select's label, giving it one if it has none.
func (r *rewriter) selectLabel(t *branchTarget) string {
	if t.label == "" {
		t.label = fmt.Sprintf("%s_s%d", reservedPrefix, r.nextID())
		t.ownLabel = true
		r.setPrefix(t)
	}
	return t.label
}

// setPrefix writes what goes before a select: its flags, then the label
// concur gave it (before the learner's label when it has one).
func (r *rewriter) setPrefix(t *branchTarget) {
	if r.quiet > 0 {
		return
	}
	text := strings.Join(t.prefixVars, "")
	if t.ownLabel {
		text += t.label + ": "
	}
	if t.prefixEdit >= 0 {
		r.edits[t.prefixEdit].text = text
		return
	}
	start := t.stmt.Pos()
	if t.labeled != nil {
		start = t.labeled.Pos()
	}
	r.insert(r.off(start), text)
	t.prefixEdit = len(r.edits) - 1
}
