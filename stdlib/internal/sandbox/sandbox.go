// Package sandbox holds what package stdlib, package stdlib/unrestricted and
// their table generator share: which packages a snippet may import by
// default, and the hook through which stdlib/unrestricted hands over the
// rest of the standard library.
package sandbox

import (
	"reflect"
	"slices"
)

// Restricted lists, sorted, the packages a snippet may import by default:
// those that only compute. stdlib takes out of them what touches files,
// processes or the network (os, runtime, path/filepath's Glob and Walk,
// the templates' ParseFiles; see stdlib/sandbox.go).
// Their tables are generated into package stdlib; the tables of the other
// standard packages go to package stdlib/unrestricted, which a program links
// only if it offers --unrestricted (linking them costs every process start
// about 1.7 ms, see stdlib's package doc). Run go generate in stdlib
// after changing the list.
var Restricted = [...]string{
	"bufio", "bytes", "cmp", "container/heap", "container/list", "container/ring",
	"context", "crypto/hmac", "crypto/md5", "crypto/sha1", "crypto/sha256", "crypto/sha3",
	"crypto/sha512", "crypto/subtle", "embed", "encoding", "encoding/base32", "encoding/base64",
	"encoding/binary", "encoding/csv", "encoding/hex", "encoding/json", "encoding/pem",
	"encoding/xml", "errors", "flag", "fmt", "hash", "hash/adler32", "hash/crc32",
	"hash/crc64", "hash/fnv", "hash/maphash", "html", "html/template", "io", "io/fs", "iter",
	"log", "log/slog", "maps", "math", "math/big", "math/bits", "math/cmplx", "math/rand",
	"math/rand/v2", "net/url", "os", "path", "path/filepath", "regexp", "runtime", "slices",
	"sort", "strconv", "strings", "sync", "sync/atomic", "text/tabwriter", "text/template",
	"time", "unicode", "unicode/utf16", "unicode/utf8",
}

// IsRestricted reports whether path is in Restricted.
func IsRestricted(path string) bool {
	_, ok := slices.BinarySearch(Restricted[:], path)
	return ok
}

// Extra is set by package stdlib/unrestricted when a program links it. It
// builds the tables of the packages only unrestricted mode allows, keyed as
// interp.Exports ("net/http/http"), and the yaegi MapTypes entries they need.
var Extra func() (tables map[string]map[string]reflect.Value, mapTypes map[reflect.Value][]reflect.Type)
