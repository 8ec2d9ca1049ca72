package stdlib

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
)

// encoding/json sees an interpreted struct through its reflect type, where
// yaegi exported every field (secret became Xsecret), so it would encode
// the unexported fields Go leaves out. concur gives json such a struct as a
// jsonObject instead, which encodes the declared exported fields only, in
// order, with their tags (a name, "-", omitempty, string), an embedded
// struct's fields in its place as json promotes them; slices, maps and
// pointers that hold such structs are walked to reach them, and everything
// else is left to json.

// jsonValue returns what to give json for v; escapeHTML is the encoder's
// setting, for the parts encoded apart.
func jsonValue(v any, escapeHTML bool) any {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	if !needsNames(rv.Type()) || methodWrapper(rv.Type()) {
		return v
	}
	return jsonOf(rv, escapeHTML)
}

// jsonOf is jsonValue of a reflect.Value.
func jsonOf(v reflect.Value, escapeHTML bool) any {
	t := v.Type()
	if !needsNames(t) {
		if v.CanInterface() {
			return v.Interface()
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		return jsonObject{v, escapeHTML}
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return jsonOf(v.Elem(), escapeHTML)
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for k := range out {
			out[k] = jsonOf(v.Index(k), escapeHTML)
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		// json sorts the keys, and encodes a string, integer or
		// TextMarshaler key as Go does, so the values alone change type.
		out := reflect.MakeMapWithSize(reflect.MapOf(t.Key(), reflect.TypeFor[any]()), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), reflect.ValueOf(jsonOf(it.Value(), escapeHTML)))
		}
		return out.Interface()
	}
	return nil
}

// A jsonObject is an interpreted struct value as json.Marshaler.
type jsonObject struct {
	v          reflect.Value
	escapeHTML bool
}

func (o jsonObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	err := o.fields(&b, &first, o.v, nil)
	b.WriteByte('}')
	return b.Bytes(), err
}

// fields writes v's fields; taken holds the names of shallower fields,
// which win over an embedded struct's.
func (o jsonObject) fields(b *bytes.Buffer, first *bool, v reflect.Value, taken map[string]bool) error {
	t := v.Type()
	info := lookupStruct(t)
	names := map[string]bool{}
	for k := range t.NumField() {
		if name, ok := jsonName(t.Field(k), info.fields[k]); ok && !info.embedded[k] {
			names[name] = true
		}
	}
	for k := range t.NumField() {
		f, fv := t.Field(k), v.Field(k)
		tag := f.Tag.Get("json")
		if info.embedded[k] && (tag == "" || strings.HasPrefix(tag, ",")) {
			inner := fv
			if inner.Kind() == reflect.Pointer {
				if inner.IsNil() {
					continue
				}
				inner = inner.Elem()
			}
			if inner.Kind() == reflect.Struct {
				all := map[string]bool{}
				for n := range taken {
					all[n] = true
				}
				for n := range names {
					all[n] = true
				}
				if err := o.fields(b, first, inner, all); err != nil {
					return err
				}
				continue
			}
		}
		name, ok := jsonName(f, info.fields[k])
		if !ok || taken[name] {
			continue
		}
		_, opts, _ := strings.Cut(tag, ",")
		if hasOption(opts, "omitempty") && emptyJSON(fv) {
			continue
		}
		if hasOption(opts, "omitzero") && fv.IsZero() {
			continue
		}
		val, err := o.encode(jsonOf(fv, o.escapeHTML))
		if err != nil {
			return err
		}
		if hasOption(opts, "string") {
			switch fv.Kind() {
			case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
				reflect.Float32, reflect.Float64, reflect.String:
				if val, err = o.encode(string(val)); err != nil {
					return err
				}
			}
		}
		key, err := o.encode(name)
		if err != nil {
			return err
		}
		if !*first {
			b.WriteByte(',')
		}
		*first = false
		b.Write(key)
		b.WriteByte(':')
		b.Write(val)
	}
	return nil
}

// encode is json.Marshal with the encoder's HTML escaping, without the
// newline an Encoder adds.
func (o jsonObject) encode(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(o.escapeHTML)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// jsonName is the key json gives field f, declared as name: its tag's name
// or the field's own; ok is false for a field json leaves out.
func jsonName(f reflect.StructField, name string) (string, bool) {
	tag := f.Tag.Get("json")
	if tag == "-" || !exported(name) {
		return "", false
	}
	if n, _, _ := strings.Cut(tag, ","); n != "" {
		return n, true
	}
	return name, true
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// emptyJSON is json's omitempty test.
func emptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// unmarshalJSON is json.Unmarshal; an error about a field of an
// interpreted struct names the struct as Go does (json finds no name).
func unmarshalJSON(data []byte, v any) error {
	err := json.Unmarshal(data, v)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Struct == "" && te.Field != "" && !strings.Contains(te.Field, ".") {
		t := reflect.TypeOf(v)
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t != nil && interpretedStruct(t) {
			if name := lookupStruct(t).name; name != "" {
				te.Struct = strings.TrimPrefix(name, "main.")
			}
		}
	}
	return err
}

// A JSONEncoder is json.Encoder as a snippet sees it: Go's, encoding
// values as jsonValue gives them.
type JSONEncoder struct {
	e          *json.Encoder
	escapeHTML bool
}

// Encode writes the JSON encoding of v to the stream.
func (e *JSONEncoder) Encode(v any) error { return e.e.Encode(jsonValue(v, e.escapeHTML)) }

// SetEscapeHTML says whether problematic HTML characters are escaped.
func (e *JSONEncoder) SetEscapeHTML(on bool) { e.escapeHTML = on; e.e.SetEscapeHTML(on) }

// SetIndent makes the encoder indent each value it encodes.
func (e *JSONEncoder) SetIndent(prefix, indent string) { e.e.SetIndent(prefix, indent) }

func instrumentJSON(syms map[string]reflect.Value, mt map[reflect.Value][]reflect.Type) {
	if syms == nil {
		return
	}
	marshal := []reflect.Type{reflect.TypeFor[json.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}
	unmarshal := []reflect.Type{reflect.TypeFor[json.Unmarshaler](), reflect.TypeFor[encoding.TextUnmarshaler]()}
	funcs := map[string]any{
		"Marshal": func(v any) ([]byte, error) { return json.Marshal(jsonValue(v, true)) },
		"MarshalIndent": func(v any, prefix, indent string) ([]byte, error) {
			return json.MarshalIndent(jsonValue(v, true), prefix, indent)
		},
		"Unmarshal":  unmarshalJSON,
		"NewEncoder": func(w io.Writer) *JSONEncoder { return &JSONEncoder{json.NewEncoder(w), true} },
	}
	for name, f := range funcs {
		v := reflect.ValueOf(f)
		syms[name] = v
		switch name {
		case "Marshal", "MarshalIndent":
			mt[v] = marshal
		case "Unmarshal":
			mt[v] = unmarshal
		}
	}
	syms["Encoder"] = reflect.ValueOf((*JSONEncoder)(nil))
}
