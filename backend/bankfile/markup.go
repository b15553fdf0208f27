package bankfile

// A small scanner for the tagged text of OFX (SGML 1.x and XML 2.x) and ISO
// 20022 CAMT (XML). encoding/xml cannot read OFX 1.x, whose tags are left
// open, and reads a 100,000-entry CAMT file several times slower than this
// scanner, which cuts the text into tags and text without copying it.

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// markupKind is the kind of a markup token.
type markupKind uint8

const (
	markupEOF   markupKind = iota
	markupStart            // <Name attr="v"> or <Name/>
	markupEnd              // </Name>
	markupText             // text between tags, entities not yet replaced
)

// markupToken is one tag or run of text; its strings point into the source.
type markupToken struct {
	kind  markupKind
	name  string // tag name as written, with any namespace prefix
	attrs string // a start tag's attributes, as written
	empty bool   // a start tag closed by "/>"
	cdata bool   // text from a CDATA section: no entities to replace
	text  string
	pos   int // byte offset where the token starts; lineOf gives its line
}

// local is the tag name without its namespace prefix.
func (t markupToken) local() string {
	if i := strings.LastIndexByte(t.name, ':'); i >= 0 {
		return t.name[i+1:]
	}
	return t.name
}

// markupProblem is what went wrong while scanning, with its line.
type markupProblem struct {
	line      int
	truncated bool // the text ends inside a tag, comment or section
}

// markupScanner cuts text into tokens. Line numbers are counted only when
// asked for (lineOf), as most tokens never need one.
type markupScanner struct {
	src string
	pos int
	// countedPos and countedLine cache the last line count: asking for the
	// lines of positions in increasing order costs one pass over the text.
	countedPos, countedLine int
	// lenient makes a "<" that does not start a tag plain text, as OFX 1.x
	// SGML allows; XML (strict) calls it damage.
	lenient bool
	peeked  markupToken
	hasPeek bool
}

// newMarkupScanner scans src; lenient for OFX 1.x SGML.
func newMarkupScanner(src string, lenient bool) *markupScanner {
	return &markupScanner{src: src, lenient: lenient, countedLine: 1}
}

// lineOf is the 1-based line of a byte offset of the text.
func (s *markupScanner) lineOf(pos int) int {
	if pos > len(s.src) {
		pos = len(s.src)
	}
	if pos < s.countedPos {
		s.countedPos, s.countedLine = 0, 1
	}
	s.countedLine += strings.Count(s.src[s.countedPos:pos], "\n")
	s.countedPos = pos
	return s.countedLine
}

// advance moves n bytes on.
func (s *markupScanner) advance(n int) { s.pos += n }

// peek returns the next token without consuming it.
func (s *markupScanner) peek() (*markupToken, *markupProblem) {
	if !s.hasPeek {
		if p := s.scan(&s.peeked); p != nil {
			return &s.peeked, p
		}
		s.hasPeek = true
	}
	return &s.peeked, nil
}

// next reads the next token into t; comments, processing instructions and
// declarations are skipped.
func (s *markupScanner) next(t *markupToken) *markupProblem {
	if s.hasPeek {
		s.hasPeek = false
		*t = s.peeked
		return nil
	}
	return s.scan(t)
}

func (s *markupScanner) scan(t *markupToken) *markupProblem {
	for {
		if s.pos >= len(s.src) {
			*t = markupToken{kind: markupEOF, pos: s.pos}
			return nil
		}
		at := s.pos
		rest := s.src[s.pos:]
		if rest[0] != '<' {
			end := strings.IndexByte(rest, '<')
			if end < 0 {
				end = len(rest)
			}
			s.advance(end)
			*t = markupToken{kind: markupText, text: rest[:end], pos: at}
			return nil
		}
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return s.truncated()
			}
			s.advance(4 + end + 3)
			continue
		case strings.HasPrefix(rest, "<![CDATA["):
			end := strings.Index(rest, "]]>")
			if end < 0 {
				return s.truncated()
			}
			s.advance(end + 3)
			*t = markupToken{kind: markupText, text: rest[9:end], cdata: true, pos: at}
			return nil
		case strings.HasPrefix(rest, "<?"):
			end := strings.Index(rest, "?>")
			if end < 0 {
				return s.truncated()
			}
			s.advance(end + 2)
			continue
		case strings.HasPrefix(rest, "<!"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return s.truncated()
			}
			s.advance(end + 1)
			continue
		case strings.HasPrefix(rest, "</"):
			n := nameLength(rest[2:])
			if n == 0 {
				return s.notATag(t, rest, at)
			}
			i := 2 + n
			for i < len(rest) && isMarkupSpace(rest[i]) {
				i++
			}
			if i >= len(rest) {
				return s.truncated()
			}
			if rest[i] != '>' {
				return s.notATag(t, rest, at)
			}
			s.advance(i + 1)
			*t = markupToken{kind: markupEnd, name: rest[2 : 2+n], pos: at}
			return nil
		}
		n := nameLength(rest[1:])
		if n == 0 {
			return s.notATag(t, rest, at)
		}
		// Attributes run to the first ">" outside quotes.
		i, quote := 1+n, byte(0)
		for ; i < len(rest); i++ {
			c := rest[i]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
				continue
			}
			if c == '"' || c == '\'' {
				quote = c
			} else if c == '>' {
				break
			} else if c == '<' && s.lenient {
				// "<NAME<NEXT>": a tag left unclosed in SGML; end it here.
				break
			}
		}
		if i >= len(rest) {
			return s.truncated()
		}
		attrs := rest[1+n : i]
		consumed := i + 1
		if rest[i] == '<' {
			consumed = i
		}
		empty := strings.HasSuffix(attrs, "/")
		if empty {
			attrs = attrs[:len(attrs)-1]
		}
		if !s.lenient && attrs != "" && !isMarkupSpace(attrs[0]) {
			return s.notATag(t, rest, at)
		}
		s.advance(consumed)
		*t = markupToken{kind: markupStart, name: rest[1 : 1+n], attrs: attrs, empty: empty, pos: at}
		return nil
	}
}

// notATag handles a "<" that starts no tag: text for SGML, damage for XML.
func (s *markupScanner) notATag(t *markupToken, rest string, at int) *markupProblem {
	if !s.lenient {
		return &markupProblem{line: s.lineOf(at)}
	}
	end := strings.IndexByte(rest[1:], '<')
	if end < 0 {
		end = len(rest) - 1
	}
	s.advance(end + 1)
	*t = markupToken{kind: markupText, text: rest[:end+1], pos: at}
	return nil
}

// truncated is the problem of a text that ends inside a tag.
func (s *markupScanner) truncated() *markupProblem {
	// The problem is at the end of the text: name its last line.
	return &markupProblem{line: s.lineOf(len(s.src)), truncated: true}
}

// lastLine is the number of the file's last line that has text.
func lastLine(src string) int {
	return 1 + strings.Count(strings.TrimRight(src, " \t\r\n"), "\n")
}

// nameLength is the length of the tag name at the start of s (0 if none).
func nameLength(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '_' || c == ':' || (c|0x20 >= 'a' && c|0x20 <= 'z') || (i > 0 && (c == '-' || c == '.' || (c >= '0' && c <= '9'))) || c >= 0x80 {
			i++
			continue
		}
		break
	}
	return i
}

// isMarkupSpace reports whether c is XML white space.
func isMarkupSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isBlank reports whether text is only white space.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isMarkupSpace(s[i]) {
			return false
		}
	}
	return true
}

// attrValue returns the value of attribute name in a start tag's attribute text.
func attrValue(attrs, name string) (string, bool) {
	for attrs != "" {
		attrs = strings.TrimLeft(attrs, " \t\r\n")
		eq := strings.IndexByte(attrs, '=')
		if eq < 0 {
			return "", false
		}
		key := strings.TrimSpace(attrs[:eq])
		rest := strings.TrimLeft(attrs[eq+1:], " \t\r\n")
		if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
			return "", false
		}
		end := strings.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		if key == name {
			return unescapeMarkup(rest[1 : 1+end]), true
		}
		attrs = rest[end+2:]
	}
	return "", false
}

// unescapeMarkup replaces character and entity references. A "&" that starts
// no reference stays as it is: OFX files write "Amazon & Cloud" raw.
func unescapeMarkup(s string) string {
	amp := strings.IndexByte(s, '&')
	if amp < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for amp >= 0 {
		b.WriteString(s[:amp])
		s = s[amp:]
		semi := strings.IndexByte(s, ';')
		if semi < 0 || semi > 10 {
			b.WriteByte('&')
			s = s[1:]
		} else if r, ok := entity(s[1:semi]); ok {
			b.WriteString(r)
			s = s[semi+1:]
		} else {
			b.WriteByte('&')
			s = s[1:]
		}
		amp = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

// entity is the text of a named or numeric character reference ("amp", "#209").
func entity(name string) (string, bool) {
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return `"`, true
	case "apos":
		return "'", true
	case "nbsp":
		return " ", true
	}
	if len(name) > 1 && name[0] == '#' {
		var n uint64
		var err error
		if name[1] == 'x' || name[1] == 'X' {
			n, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err == nil && n > 0 && utf8.ValidRune(rune(n)) {
			return string(rune(n)), true
		}
	}
	return "", false
}
