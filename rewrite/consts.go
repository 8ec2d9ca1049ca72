package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// constGroup writes the values of a const declaration out as constants
// when yaegi v0.16.1 cannot evaluate it: a spec with several names whose
// values repeat implicitly or use iota (`a, b = iota, iota * 10` followed
// by `c, d`) fails there with "constant definition loop". go/types knows
// every constant's value, so every spec of the group gets its values
// written out, each name its own: `c, d` becomes `c, d = 1, 10`, a typed
// constant keeping its type by a conversion (`weekday(1)`), an untyped one
// its kind (rune 'b', float (1.0/3.0)). It reports whether it rewrote the
// group; then its types and values are not to be walked.
func (r *rewriter) constGroup(d *ast.GenDecl) bool {
	if d.Tok != token.CONST || !constGroupFails(d) {
		return false
	}
	type change struct {
		at   int
		text string
	}
	var changes []change
	for _, spec := range d.Specs {
		s := spec.(*ast.ValueSpec)
		vals := make([]string, len(s.Names))
		for i, n := range s.Names {
			c, ok := r.info.Defs[n].(*types.Const)
			if !ok {
				if n.Name != "_" {
					return false
				}
				vals[i] = "0"
				continue
			}
			v, ok := r.constSource(c)
			if !ok {
				return false
			}
			vals[i] = v
		}
		changes = append(changes, change{r.off(s.Names[len(s.Names)-1].End()), " = " + strings.Join(vals, ", ")})
	}
	for i, spec := range d.Specs {
		s := spec.(*ast.ValueSpec)
		end := r.off(s.Names[len(s.Names)-1].End())
		if s.Type != nil {
			end = r.off(s.Type.End())
		}
		if len(s.Values) > 0 {
			end = r.off(s.Values[len(s.Values)-1].End())
		}
		r.replace(changes[i].at, end, changes[i].text)
	}
	return true
}

// constGroupFails reports whether a const declaration has a spec with
// several names whose values are implicit or use iota.
func constGroupFails(d *ast.GenDecl) bool {
	for _, spec := range d.Specs {
		s, ok := spec.(*ast.ValueSpec)
		if !ok || len(s.Names) < 2 {
			continue
		}
		if len(s.Values) == 0 {
			return true
		}
		for _, v := range s.Values {
			iota := false
			ast.Inspect(v, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Name == "iota" {
					iota = true
				}
				return !iota
			})
			if iota {
				return true
			}
		}
	}
	return false
}

// constSource writes a constant's value as source that gives the same
// constant: a literal of its kind, converted to its type when it is typed.
func (r *rewriter) constSource(c *types.Const) (string, bool) {
	v := c.Val()
	var lit string
	switch v.Kind() {
	case constant.Bool, constant.String, constant.Int:
		lit = v.ExactString()
	case constant.Float:
		lit = floatSource(v)
	default:
		return "", false
	}
	t := c.Type()
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		switch b.Kind() {
		case types.UntypedRune:
			n, ok := constant.Int64Val(v)
			if !ok {
				return "", false
			}
			return strconv.QuoteRune(rune(n)), true
		case types.UntypedFloat:
			if v.Kind() == constant.Int {
				lit += ".0"
			}
		case types.UntypedBool, types.UntypedString, types.UntypedInt:
		default:
			return "", false
		}
		return lit, true
	}
	ts, ok := r.typeSource(t)
	if !ok {
		return "", false
	}
	return ts + "(" + lit + ")", true
}

// floatSource writes a float constant exactly: a decimal, or a quotient of
// two integers in float.
func floatSource(v constant.Value) string {
	s := v.ExactString()
	if num, den, ok := strings.Cut(s, "/"); ok {
		return "(" + num + ".0 / " + den + ".0)"
	}
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}
