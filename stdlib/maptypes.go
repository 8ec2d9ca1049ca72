package stdlib

import (
	"encoding"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"reflect"

	"github.com/traefik/yaegi/interp"
)

// mapTypes tells yaegi which interfaces an interpreted value must show when
// passed to these functions (as yaegi's stdlib/maptypes.go does): without
// it, fmt.Println(v) would not call v's interpreted String method. Entries
// are keyed by the very reflect.Value in the table; instrumentFmt,
// instrumentLog and stdlib/unrestricted add their own.
func mapTypes(x interp.Exports) map[reflect.Value][]reflect.Type {
	mt := map[reflect.Value][]reflect.Type{}
	if x["fmt/fmt"] != nil {
		printing := []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.Stringer](), reflect.TypeFor[fmt.GoStringer]()}
		for _, f := range []any{
			fmt.Append, fmt.Appendf, fmt.Appendln, fmt.Errorf,
			fmt.Fprint, fmt.Fprintf, fmt.Fprintln, fmt.Print, fmt.Printf, fmt.Println,
			fmt.Sprint, fmt.Sprintf, fmt.Sprintln,
		} {
			mt[reflect.ValueOf(f)] = printing
		}
		scanning := []reflect.Type{reflect.TypeFor[fmt.Scanner]()}
		for _, f := range []any{fmt.Fscan, fmt.Fscanf, fmt.Fscanln, fmt.Scan, fmt.Scanf, fmt.Scanln, fmt.Sscan, fmt.Sscanf, fmt.Sscanln} {
			mt[reflect.ValueOf(f)] = scanning
		}
	}
	if x["encoding/json/json"] != nil {
		marshal := []reflect.Type{reflect.TypeFor[json.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}
		mt[reflect.ValueOf(json.Marshal)] = marshal
		mt[reflect.ValueOf(json.MarshalIndent)] = marshal
		mt[reflect.ValueOf(json.Unmarshal)] = []reflect.Type{reflect.TypeFor[json.Unmarshaler](), reflect.TypeFor[encoding.TextUnmarshaler]()}
	}
	if x["encoding/xml/xml"] != nil {
		mt[reflect.ValueOf(xml.Marshal)] = []reflect.Type{reflect.TypeFor[xml.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}
		mt[reflect.ValueOf(xml.MarshalIndent)] = []reflect.Type{reflect.TypeFor[xml.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}
		mt[reflect.ValueOf(xml.Unmarshal)] = []reflect.Type{reflect.TypeFor[xml.Unmarshaler](), reflect.TypeFor[encoding.TextUnmarshaler]()}
	}
	return mt
}
