package bankfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/tabular"
)

// The spreadsheet and text reader takes any file backend/tabular can read
// (CSV/TXT in any delimiter and charset, XLSX, and XLS once tabular reads
// it), finds the bank profile that fits its columns and reads its lines.
// Line.Row is the row number Excel shows for a spreadsheet and the physical
// line number for a text file.
func init() {
	register(format{name: FormatTable, rank: 100, claim: claimTable, read: readTable})
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// claimTable takes a spreadsheet (zip or OLE2) or anything that reads as text.
func claimTable(head []byte) bool {
	switch {
	case len(head) == 0:
		return false
	case bytes.HasPrefix(head, zipMagic), bytes.HasPrefix(head, oleMagic):
		return true
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return true
	}
	ctl, n := 0, 0
	for _, b := range head[:min(len(head), 4096)] {
		n++
		if b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f' {
			ctl++
		}
	}
	return ctl*10 <= n
}

// tableRow is one non-blank row of a file: its line (or Excel row) and cells.
type tableRow struct {
	line  int
	cells []string
}

// sheet is a whole file as rows, read once and looked at by every profile.
type sheet struct {
	spreadsheet bool
	date1904    bool
	rows        []tableRow // delimited with the detected delimiter, or the spreadsheet's rows
	// text files only:
	text     string
	delim    rune
	byDelim  map[rune][]tableRow
	rawLines []tableRow
}

// loadSheet reads a file whole into rows.
func loadSheet(path string) (*sheet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	f.Close()
	head = head[:n]
	if bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, oleMagic) {
		return loadSpreadsheet(path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return loadText(data)
}

// date1904er is implemented by a tabular source that knows its workbook
// counts dates from 1904 (old Mac Excel).
type date1904er interface{ Date1904() bool }

func loadSpreadsheet(path string) (*sheet, error) {
	src, err := tabular.Open(path, tabular.Settings{HeaderRow: 1})
	if err != nil {
		return nil, tabularError(err)
	}
	defer src.Close()
	s := &sheet{spreadsheet: true}
	if d, ok := src.(date1904er); ok {
		s.date1904 = d.Date1904()
	}
	first := tableRow{cells: append([]string(nil), src.Header()...)}
	s.rows = append(s.rows, first)
	for {
		r, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, tabularError(err)
		}
		s.rows = append(s.rows, tableRow{line: r.Line, cells: r.Fields})
	}
	// The source does not say the line of its first row (it takes it for a
	// header); the row above the second one is the best guess, and exact when
	// the sheet has no blank row there.
	if len(s.rows) > 1 {
		s.rows[0].line = max(1, s.rows[1].line-1)
	} else {
		s.rows[0].line = 1
	}
	return s, nil
}

// tabularError turns what tabular refuses into a message for the user.
func tabularError(err error) error {
	key := "bank.table.damaged"
	var le *tabular.LimitError
	line := 0
	switch {
	case errors.Is(err, tabular.ErrEncrypted):
		key = "bank.table.encrypted"
	case errors.Is(err, tabular.ErrHTMLTable):
		key = "bank.table.html"
	case errors.Is(err, tabular.ErrEmpty), errors.Is(err, tabular.ErrNoHeader):
		key = "bank.no_lines"
	case errors.As(err, &le):
		key, line = "bank.table.too_wide", le.Line
	}
	return &Error{Format: FormatTable, Line: line, Key: key, Params: map[string]string{"line": strconv.Itoa(line)}, Err: err}
}

// loadText decodes a text file (UTF-8 with or without BOM, UTF-16,
// Windows-1252, and UTF-8 that was once decoded as 1252) and splits it with
// the delimiter it uses.
func loadText(data []byte) (*sheet, error) {
	sn := tabular.Detect(data[:min(len(data), tabular.SniffSize)])
	text, err := decodeText(data, sn.Encoding)
	if err != nil {
		return nil, &Error{Format: FormatTable, Key: "bank.table.damaged", Err: err}
	}
	s := &sheet{text: repairMojibake(text), delim: sn.Delimiter, byDelim: map[rune][]tableRow{}}
	if s.delim == 0 {
		s.delim = ','
	}
	s.rows = s.split(s.delim)
	return s, nil
}

func decodeText(data []byte, enc tabular.Encoding) (string, error) {
	var out []byte
	var err error
	switch enc {
	case tabular.UTF16LE:
		out, err = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder().Bytes(data)
	case tabular.UTF16BE:
		out, err = xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewDecoder().Bytes(data)
	case tabular.Windows1252:
		data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		out, err = charmap.Windows1252.NewDecoder().Bytes(data)
	default:
		out = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		if !utf8.Valid(out) {
			out = []byte(strings.ToValidUTF8(string(out), "\uFFFD"))
		}
	}
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// repairMojibake undoes UTF-8 text that was once read as Windows-1252 and
// saved again ("DÃ­a" for "Día"): when the whole text encodes back to 1252
// bytes that are valid UTF-8, those bytes were the real text.
func repairMojibake(s string) string {
	if !strings.Contains(s, "Ã") && !strings.Contains(s, "Â") {
		return s
	}
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil || !utf8.Valid(b) || bytes.Equal(b, []byte(s)) {
		return s
	}
	return string(b)
}

// split reads the text as delimited rows, with the physical line where each
// starts; blank rows are left out.
func (s *sheet) split(d rune) []tableRow {
	if rows, ok := s.byDelim[d]; ok {
		return rows
	}
	rows := splitRows(s.text, d, -1)
	s.byDelim[d] = rows
	return rows
}

// splitRows reads text as delimited rows (at most limit of them, if limit
// >= 0), with the physical line where each starts; blank rows are left out.
func splitRows(text string, d rune, limit int) []tableRow {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord, r.ReuseRecord = d, true, -1, false
	var rows []tableRow
	for limit < 0 || len(rows) < limit {
		rec, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			continue // the csv reader resumes at the next line
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		rows = append(rows, tableRow{line: line, cells: rec})
	}
	return rows
}

// lines is the text as raw lines, for fixed-width layouts.
func (s *sheet) lines() []tableRow {
	if s.rawLines == nil {
		s.rawLines = []tableRow{}
		for i, l := range strings.Split(s.text, "\n") {
			l = strings.TrimRight(l, "\r")
			if strings.TrimSpace(l) == "" {
				continue
			}
			s.rawLines = append(s.rawLines, tableRow{line: i + 1, cells: []string{l}})
		}
	}
	return s.rawLines
}

// probeRows is how many rows from the top profiles look at to fit a file:
// the header search and the sample of data rows.
const probeRows = headerSearch + 20

// headFor is the first rows a profile reads, enough to fit it to the file
// without cutting or splitting the whole file for every profile.
func (s *sheet) headFor(p *Profile) []tableRow {
	switch {
	case s.spreadsheet:
	case len(p.Fixed) > 0:
		var lines []tableRow
		for i, l := range strings.SplitN(s.text, "\n", 4*probeRows) {
			if l = strings.TrimRight(l, "\r"); strings.TrimSpace(l) != "" && len(lines) < probeRows {
				lines = append(lines, tableRow{line: i + 1, cells: []string{l}})
			}
		}
		return cutFixed(lines, p.Fixed)
	case p.Delimiter != "":
		if d, _ := utf8.DecodeRuneInString(p.Delimiter); d != s.delim {
			if rows, ok := s.byDelim[d]; ok {
				return rows[:min(len(rows), probeRows)]
			}
			return splitRows(s.text, d, probeRows)
		}
	}
	return s.rows[:min(len(s.rows), probeRows)]
}

// rowsFor is the rows a profile reads: cut by its fixed widths, split by
// its delimiter, or as the file was split.
func (s *sheet) rowsFor(p *Profile) []tableRow {
	switch {
	case s.spreadsheet:
		return s.rows
	case len(p.Fixed) > 0:
		return cutFixed(s.lines(), p.Fixed)
	case p.Delimiter != "":
		d, _ := utf8.DecodeRuneInString(p.Delimiter)
		return s.split(d)
	}
	return s.rows
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readTable reads a spreadsheet or text statement through the profile that
// fits it: Options.Profile when given, else the best of Options.Profiles and
// the built-in ones, else one guessed from generic column names.
func readTable(path string, opt Options) (File, error) {
	s, err := loadSheet(path)
	if err != nil {
		return File{}, err
	}
	return readSheet(s, opt)
}

func readSheet(s *sheet, opt Options) (File, error) {
	if len(s.rows) == 0 && strings.TrimSpace(s.text) == "" {
		return File{}, &Error{Format: FormatTable, Key: "bank.no_lines"}
	}
	var candidates []Profile
	if opt.Profile != "" {
		p, ok := findProfile(opt.Profile, opt.Profiles)
		if !ok {
			return File{}, &Error{Format: FormatTable, Key: "bank.table.unknown_profile", Params: map[string]string{"name": opt.Profile}}
		}
		if err := p.Validate(); err != nil {
			return File{}, &Error{Format: FormatTable, Key: "bank.table.bad_profile", Params: map[string]string{"name": p.Name}, Err: err}
		}
		m := matchProfile(s, &p, true)
		if m == nil || len(m.missing) > 0 {
			return File{}, missingColumns(&p, m, s)
		}
		return m.read(s, opt)
	}
	for _, p := range opt.Profiles {
		if p.Validate() == nil {
			candidates = append(candidates, p)
		}
	}
	candidates = append(candidates, BuiltinProfiles()...)
	var best *match
	for i := range candidates {
		m := matchProfile(s, &candidates[i], false)
		if m != nil && (best == nil || m.score > best.score) {
			best = m
		}
	}
	if best != nil {
		if len(best.missing) > 0 {
			return File{}, missingColumns(best.profile, best, s)
		}
		return best.read(s, opt)
	}
	if g, ok := guessSheet(s); ok {
		if m := matchProfile(s, &g, true); m != nil && len(m.missing) == 0 {
			return m.read(s, opt)
		}
	}
	return File{}, &Error{Format: FormatTable, Key: "bank.unknown_layout", Params: map[string]string{"columns": strings.Join(likelyHeader(s.rows), ", ")}}
}

// findProfile finds a profile by name among the saved ones, then the built-in ones.
func findProfile(name string, saved []Profile) (Profile, bool) {
	for _, p := range saved {
		if p.Name == name {
			return p, true
		}
	}
	for _, p := range BuiltinProfiles() {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// missingColumns is the error for a file that lacks a column its profile needs.
func missingColumns(p *Profile, m *match, s *sheet) error {
	if m == nil || len(m.missing) == 0 {
		return &Error{Format: FormatTable, Key: "bank.table.layout_mismatch", Params: map[string]string{"profile": p.Bank, "columns": strings.Join(likelyHeader(s.rows), ", ")}}
	}
	names := make([]string, len(m.missing))
	for i, c := range m.missing {
		names[i] = c.columnName()
	}
	return &Error{Format: FormatTable, Line: m.headerLine, Key: "bank.table.missing_column",
		Params: map[string]string{"column": strings.Join(names, ", "), "profile": p.Bank, "line": strconv.Itoa(m.headerLine)}}
}

// likelyHeader is the row among the first ones with the most cells that
// read as words: the column names to show when no profile fits.
func likelyHeader(rows []tableRow) []string {
	var best []string
	bestN := 0
	for _, r := range rows[:min(len(rows), headerSearch)] {
		n := 0
		for _, c := range r.cells {
			if wordy(c) {
				n++
			}
		}
		if n > bestN {
			best, bestN = nil, n
			for _, c := range r.cells {
				if c = strings.TrimSpace(c); c != "" {
					best = append(best, c)
				}
			}
		}
	}
	if len(best) > 30 {
		best = best[:30]
	}
	return best
}

func wordy(c string) bool {
	letters, n := 0, 0
	for _, r := range strings.TrimSpace(c) {
		n++
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7F {
			letters++
		}
	}
	return letters >= 2 && letters*2 >= n
}

// today is the date to infer missing years against.
func today(opt Options) date.Date {
	if !opt.Today.IsZero() {
		return opt.Today
	}
	return date.Of(time.Now())
}

// headerSearch is how many rows from the top may hold the header: up to 30
// preamble rows, a two-row header, and some slack.
const headerSearch = 45

// span is the cells a column reads: a header cell over merged cells covers
// the empty header cells to its right, and its values may sit in any of them.
type span struct{ from, to int }

// match is a profile fitted to a file: where its header is and which cells
// each of its columns reads.
type match struct {
	profile    *Profile
	score      float64
	rows       []tableRow
	headerAt   int // index in rows of the (first) header row; -1 without header
	headerLine int
	dataStart  int      // index in rows of the first row after the header
	header     []string // folded header cells, for noticing a second header
	spans      []span   // per profile column; from < 0 when absent
	missing    []Column // required columns the file lacks
}

// matchProfile fits p to the file, or returns nil when it does not fit.
// forced (the user chose the profile) takes the best header row even when it
// matches few columns, so that the message can name the missing ones.
func matchProfile(s *sheet, p *Profile, forced bool) *match {
	rows := s.headFor(p)
	if len(rows) == 0 {
		return nil
	}
	if p.Records != nil || p.positional() {
		return matchPositional(s, p, rows)
	}
	aliases := make([]map[string]bool, len(p.Columns))
	named := 0
	for i, c := range p.Columns {
		aliases[i] = map[string]bool{}
		for _, n := range c.Names {
			aliases[i][fold(n)] = true
		}
		if len(c.Names) > 0 {
			named++
		}
	}
	var best *match
	for i := 0; i < min(len(rows), headerSearch); i++ {
		for n := 1; n <= 2 && i+n <= len(rows); n++ {
			if n == 2 && rows[i+1].line != rows[i].line+1 {
				continue
			}
			header := joinHeader(rows[i : i+n])
			spans, matched, covered := fitHeader(p, aliases, header)
			filled := 0
			for _, h := range header {
				if h != "" {
					filled++
				}
			}
			if matched == 0 || filled == 0 {
				continue
			}
			completeness := float64(matched) / float64(named)
			score := completeness + 0.5*float64(covered)/float64(filled)
			if markersIn(p, rows[:i]) {
				score += 0.3
			}
			dateFound := false
			for j, c := range p.Columns {
				if c.Role == RoleDate && spans[j].from >= 0 {
					dateFound = true
				}
			}
			if !forced && (!dateFound || matched < min(3, named) || completeness < 0.6) {
				continue
			}
			if best == nil || score > best.score {
				best = &match{profile: p, score: score, rows: rows, headerAt: i, headerLine: rows[i].line,
					dataStart: i + n, header: header, spans: spans}
			}
		}
	}
	if best != nil {
		for j, c := range p.Columns {
			if best.spans[j].from < 0 && !c.Optional {
				best.missing = append(best.missing, c)
			}
		}
		best.addExtraColumns()
	}
	return best
}

// extraRoles are the roles a file may carry in a column its profile does not
// name (one bank's export grows a "Referencia" column): read, not dropped.
var extraRoles = map[Role]bool{RoleReference: true, RolePayer: true, RolePayerID: true, RoleBankTxnID: true}

// addExtraColumns reads the header cells no column of the profile took when
// their names say they hold a reference, the payer or the bank's id, and the
// profile has no column of that role in this file.
func (m *match) addExtraColumns() {
	used := make([]bool, len(m.header))
	has := map[Role]bool{}
	for i, sp := range m.spans {
		if sp.from < 0 {
			continue
		}
		has[m.profile.Columns[i].Role] = true
		for j := sp.from; j < min(sp.to, len(used)); j++ {
			used[j] = true
		}
	}
	var extra []Column
	var spans []span
	for j, h := range m.header {
		if used[j] || h == "" {
			continue
		}
		role, ok := genericNames[h]
		if !ok {
			role, ok = genericNames[dropCurrency(h)]
		}
		if !ok || !extraRoles[role] || has[role] {
			continue
		}
		has[role] = true
		extra = append(extra, Column{Role: role, Names: []string{h}, Optional: true})
		spans = append(spans, span{j, j + 1})
	}
	if len(extra) == 0 {
		return
	}
	p := *m.profile
	p.Columns = append(append([]Column{}, p.Columns...), extra...)
	m.profile = &p
	m.spans = append(m.spans, spans...)
}

// joinHeader folds the cells of one or two header rows, joining the two
// texts of each column ("N° DE" over "DOCUMENTO").
func joinHeader(rows []tableRow) []string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	out := make([]string, width)
	for j := range out {
		var parts []string
		for _, r := range rows {
			if j < len(r.cells) {
				if f := fold(r.cells[j]); f != "" {
					parts = append(parts, f)
				}
			}
		}
		out[j] = strings.Join(parts, " ")
	}
	return out
}

// fitHeader finds each named column of p in a folded header: the spans of
// the columns, how many columns were found and how many header cells they use.
func fitHeader(p *Profile, aliases []map[string]bool, header []string) (spans []span, matched, covered int) {
	spans = make([]span, len(p.Columns))
	used := make([]bool, len(header))
	for i, c := range p.Columns {
		spans[i] = span{-1, -1}
		if len(c.Names) == 0 {
			continue
		}
		for j, h := range header {
			if used[j] || h == "" || !(aliases[i][h] || aliases[i][dropCurrency(h)]) {
				continue
			}
			used[j] = true
			spans[i] = span{j, cellSpanEnd(header, j)}
			matched++
			covered++
			break
		}
	}
	return spans, matched, covered
}

// cellSpanEnd is where the span of header cell j ends: at the next named
// header cell, covering at most two empty ones (merged header cells).
func cellSpanEnd(header []string, j int) int {
	end := j + 1
	for end < len(header) && end < j+3 && header[end] == "" {
		end++
	}
	if end == len(header) {
		end = j + 2
	}
	return end
}

// dropCurrency removes a currency named at the end of a folded header
// ("cargos clp" → "cargos", "saldo us" stays).
func dropCurrency(h string) string {
	i := strings.LastIndexByte(h, ' ')
	if i < 0 {
		return h
	}
	switch h[i+1:] {
	case "clp", "cop", "mxn", "pen", "ars", "usd", "ves", "mn", "s", "bs":
		return h[:i]
	}
	return h
}

// markersIn reports whether one of p's markers is in the rows above its header.
func markersIn(p *Profile, rows []tableRow) bool {
	if len(p.Markers) == 0 {
		return false
	}
	for _, r := range rows {
		for _, c := range r.cells {
			f := fold(c)
			for _, m := range p.Markers {
				if strings.Contains(f, fold(m)) {
					return true
				}
			}
		}
	}
	return false
}

// matchPositional fits a profile whose columns are found by position (no
// header, fixed width, record types) by reading its first rows as data.
func matchPositional(s *sheet, p *Profile, rows []tableRow) *match {
	m := &match{profile: p, rows: rows, headerAt: -1, spans: make([]span, len(p.Columns))}
	for i, c := range p.Columns {
		m.spans[i] = span{c.Index - 1, c.Index}
	}
	layouts := compileLayouts(p.Dates)
	reads := func(r tableRow) bool {
		if p.Cells > 0 && len(r.cells) < p.Cells {
			return false
		}
		if len(p.Fixed) > 0 && utf8.RuneCountInString(strings.Join(r.cells, "")) == 0 {
			return false
		}
		ok := false
		for i, c := range p.Columns {
			v := m.cell(r, i)
			switch c.Role {
			case RoleDate:
				if !anyDate(v, layouts, s.spreadsheet) {
					return false
				}
			case RoleAmount, RoleDebit, RoleCredit, RoleBalance:
				if v == "" {
					continue
				}
				if !looksNumeric(v) {
					return false
				}
				ok = ok || c.Role != RoleBalance
			}
		}
		return ok
	}
	var data []tableRow
	if rc := p.Records; rc != nil {
		types := map[string]bool{}
		for _, t := range rc.Types {
			types[t] = true
		}
		for _, r := range rows {
			t := cellAt(r.cells, rc.Column-1)
			if !types[t] {
				return nil
			}
			if t == rc.Movement {
				data = append(data, r)
			}
		}
		m.score = 1.2
	} else {
		skip := 0
		for skip < len(rows) && skip < p.SkipRows && !reads(rows[skip]) {
			skip++
		}
		m.dataStart = skip
		data = rows[skip:]
		// A skipped row that names its columns must not name one of them for
		// another role ("Saldo" where the profile reads the amount).
		for _, r := range rows[:skip] {
			if namesOtherRoles(p, r) {
				return nil
			}
		}
		m.score = 1.0
		if len(p.Fixed) > 0 {
			m.score = 1.2
		}
	}
	if len(data) == 0 {
		return nil
	}
	probe := data[:min(len(data), 20)]
	ok := 0
	for _, r := range probe {
		if reads(r) {
			ok++
		}
	}
	if !reads(probe[0]) || ok*10 < len(probe)*8 {
		return nil
	}
	if markersIn(p, rows[:m.dataStart]) {
		m.score += 0.3
	}
	return m
}

// namesOtherRoles reports a header row whose names, as generic column names
// go, give one of the profile's positional columns another role.
func namesOtherRoles(p *Profile, r tableRow) bool {
	for _, c := range p.Columns {
		if c.Index < 1 {
			continue
		}
		role, ok := genericNames[fold(cellAt(r.cells, c.Index-1))]
		if !ok {
			continue
		}
		money := func(x Role) bool { return x == RoleAmount || x == RoleDebit || x == RoleCredit }
		if role != c.Role && !(money(role) && money(c.Role)) && !(role == RoleReference && c.Role == RoleDescription) {
			return true
		}
	}
	return false
}

// cellAt is cell i of a row, trimmed of spaces and of the "'" that forces
// text in a spreadsheet; "" past the end.
func cellAt(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	v := strings.TrimSpace(cells[i])
	if strings.HasPrefix(v, "'") {
		v = strings.TrimSpace(v[1:])
	}
	return v
}

// cell is the first non-empty value of column i in row r.
func (m *match) cell(r tableRow, i int) string {
	sp := m.spans[i]
	for j := sp.from; j >= 0 && j < sp.to; j++ {
		if v := cellAt(r.cells, j); v != "" {
			return v
		}
	}
	return ""
}

// text is all the values of column i in row r, joined.
func (m *match) text(r tableRow, i int) string {
	sp := m.spans[i]
	var parts []string
	for j := sp.from; j >= 0 && j < sp.to; j++ {
		if v := cellAt(r.cells, j); v != "" {
			parts = append(parts, strings.Join(strings.Fields(v), " "))
		}
	}
	return strings.Join(parts, " ")
}

// looksNumeric reports text that may be an amount in some style.
func looksNumeric(v string) bool {
	digits := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(".,-+()$' \u00a0", r):
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			// a currency code or "E+10"
		default:
			return false
		}
	}
	return digits > 0
}

// Texts that, starting a row whose date does not read, end the table: the
// summaries, daily balances, commission tables and disclaimers banks put
// below the movements.
var stopMarkers = []string{
	"resumen", "saldos diarios", "saldo diario", "total", "totales", "subtotal",
	"detalle de comisiones", "comisiones cobradas", "informate", "consideramos aprobado",
	"este documento", "la informacion", "retenciones", "saldo disponible", "saldo contable",
	"saldo final", "fin del reporte", "fin de movimientos",
}

// Labels of balances, folded, in the rows above or below the table or in a
// pseudo-row of it. Closing labels are in order of preference: the booked
// balance before the available one.
var (
	openingLabels = []string{"saldo inicial", "saldo anterior", "saldo contable anterior", "saldo disponible anterior", "initial balance", "initial available balance", "saldo inicial del periodo", "saldo anterior al periodo", "saldo al inicio"}
	closingLabels = []string{"saldo final", "saldo contable final del periodo", "saldo final del periodo", "final balance", "final available balance", "saldo contable", "saldo al cierre", "saldo disponible"}
)

// mayBeLabel is a cheap test that lets most cells skip folding: every
// balance label has "sald" or "balance" in it, in some case.
func mayBeLabel(c string) bool {
	for i := 0; i+4 <= len(c); i++ {
		switch c[i] | 0x20 {
		case 's':
			if strings.EqualFold(c[i:i+4], "sald") {
				return true
			}
		case 'b':
			if i+7 <= len(c) && strings.EqualFold(c[i:i+7], "balance") {
				return true
			}
		}
	}
	return false
}

// labelOf returns "opening" or "closing" (and the preference of a closing
// label, lower is better) when a folded text is a balance label.
func labelOf(f string) (string, int) {
	for _, l := range openingLabels {
		if f == l || strings.HasPrefix(f, l+" ") {
			return "opening", 0
		}
	}
	for i, l := range closingLabels {
		if f == l || strings.HasPrefix(f, l+" ") {
			return "closing", i
		}
	}
	return "", 0
}

// pending is a movement row kept until the file's date layout and number
// style are known, with the text of the rows that continue its description.
type pending struct {
	row   tableRow
	extra []string
}

// columns of a profile by role, as indexes into Profile.Columns.
func (m *match) roles(r Role) []int {
	var out []int
	for i, c := range m.profile.Columns {
		if c.Role == r && m.spans[i].from >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// first is the first non-empty value of a role's columns in a row.
func (m *match) first(r tableRow, role Role) string {
	for _, i := range m.roles(role) {
		if v := m.cell(r, i); v != "" {
			return v
		}
	}
	return ""
}

// hasAmount reports a row with something in an amount, debit or credit column.
func (m *match) hasAmount(r tableRow) bool {
	return m.first(r, RoleAmount) != "" || m.first(r, RoleDebit) != "" || m.first(r, RoleCredit) != ""
}

// stopRow reports a row that starts with a text ending the table.
func (m *match) stopRow(r tableRow) bool {
	for _, c := range r.cells {
		f := fold(c)
		if f == "" {
			continue
		}
		for _, s := range stopMarkers {
			if f == s || strings.HasPrefix(f, s+" ") {
				return true
			}
		}
		for _, s := range m.profile.Stop {
			if s = fold(s); s != "" && strings.HasPrefix(f, s) {
				return true
			}
		}
		return false
	}
	return false
}

// secondHeader reports a row that repeats the column names (the header of a
// table below the movements, or of the next page).
func (m *match) secondHeader(r tableRow) bool {
	if m.headerAt < 0 {
		return false
	}
	names := map[string]bool{}
	filled := 0
	for _, h := range m.header {
		if h != "" {
			names[h] = true
			filled++
			for _, w := range strings.Fields(h) {
				names[w] = true
			}
		}
	}
	n := 0
	for _, c := range r.cells {
		if f := fold(c); f != "" && names[f] {
			n++
		}
	}
	return n >= 2 && n*2 >= filled
}

// pseudoLabel is the balance label of a row that is not a movement
// ("Saldo Inicial", "SALDO ANTERIOR"), or "" for a movement. A row whose
// code is one of the profile's PseudoCodes is "other" when it names no balance.
func (m *match) pseudoLabel(r tableRow) (string, int) {
	for _, c := range r.cells {
		if !mayBeLabel(c) {
			continue
		}
		if kind, pref := labelOf(fold(c)); kind != "" {
			return kind, pref
		}
	}
	if code := m.first(r, RoleCode); code != "" {
		for _, pc := range m.profile.PseudoCodes {
			if strings.EqualFold(code, pc) {
				return "other", 0
			}
		}
	}
	return "", 0
}

// read reads the movements of the file through the fitted profile.
func (m *match) read(s *sheet, opt Options) (File, error) {
	p := m.profile
	m.rows = s.rowsFor(p) // the fit looked at the first rows only
	rows := m.rows
	layouts := compileLayouts(p.Dates)
	dateCols := m.roles(RoleDate)
	if len(dateCols) == 0 {
		return File{}, missingColumns(p, m, s)
	}
	dateOf := func(r tableRow) string { return m.cell(r, dateCols[0]) }
	isDate := func(v string) bool { return anyDate(v, layouts, s.spreadsheet) }
	movement := func(r tableRow) bool {
		return p.Records == nil || cellAt(r.cells, p.Records.Column-1) == p.Records.Movement
	}

	// Where the table ends: the first row whose date does not read and that
	// starts a summary or repeats the header; and the last row with a
	// movement before it, below which an unreadable date ends the table
	// instead of being an error.
	stopAt, lastData := len(rows), -1
	for k := m.dataStart; k < len(rows); k++ {
		r := rows[k]
		if !movement(r) {
			continue
		}
		d := dateOf(r)
		if !isDate(d) {
			if p.Records == nil && (m.stopRow(r) || m.secondHeader(r)) {
				stopAt = k
				break
			}
			continue
		}
		if m.hasAmount(r) {
			lastData = k
		}
	}

	var lines []pending
	type pseudoRow struct {
		row        tableRow
		kind       string
		preference int
	}
	var pseudo []pseudoRow
	end := stopAt
	for k := m.dataStart; k < stopAt; k++ {
		r := rows[k]
		if !movement(r) {
			continue
		}
		if kind, pref := m.pseudoLabel(r); kind != "" {
			pseudo = append(pseudo, pseudoRow{r, kind, pref})
			continue
		}
		d := dateOf(r)
		if isDate(d) {
			lines = append(lines, pending{row: r})
			continue
		}
		if k > lastData {
			end = k
			break
		}
		if d == "" && !m.hasAmount(r) {
			if desc := m.describe(r); desc != "" && len(lines) > 0 {
				lines[len(lines)-1].extra = append(lines[len(lines)-1].extra, desc)
			}
			continue
		}
		return File{}, m.cellError(r, dateCols[0], d, "bank.table.bad_date", nil)
	}

	// The number style and currency, decided once for the file.
	meta := scanMeta(rows[:max(0, m.metaTop())], p)
	meta.merge(scanMeta(rows[min(end, len(rows)):], p))
	currency := firstOf(meta.currency, p.Currency, opt.Currency, money.CurrencyFor(p.Country), money.CurrencyFor(opt.Country))
	exp, ok := money.Exponent(currency)
	if !ok {
		return File{}, &Error{Format: FormatTable, Key: "bank.table.no_currency", Params: map[string]string{"currency": currency}}
	}
	amounts := m.amountReader(s, lines, currency, exp, opt)

	// The date layout: the first of the profile's that reads every date.
	cands := layouts
	for _, l := range lines {
		v := dateOf(l.row)
		if s.spreadsheet {
			if _, ok := excelSerial(v, s.date1904); ok {
				continue
			}
		}
		var keep []dateLayout
		for _, c := range cands {
			if _, ok := c.parse(v); ok {
				keep = append(keep, c)
			}
		}
		if len(keep) == 0 {
			return File{}, m.cellError(l.row, dateCols[0], v, "bank.table.bad_date", nil)
		}
		cands = keep
	}
	dates := dateReader{layouts: cands, spreadsheet: s.spreadsheet, date1904: s.date1904}
	meta.resolve(dates, amounts, layouts)
	dates.ref = firstDate(meta.to, meta.asOf, today(opt))

	st := Statement{Bank: p.Bank, Currency: currency, Account: meta.account}
	for _, l := range lines {
		line, err := m.line(l, dates, amounts, s.spreadsheet)
		if err != nil {
			return File{}, err
		}
		st.Lines = append(st.Lines, line)
	}
	if len(st.Lines) == 0 {
		return File{}, &Error{Format: FormatTable, Key: "bank.no_lines"}
	}
	if st.Account == "" {
		st.Account = m.first(lines[0].row, RoleAccount)
	}
	st.From, st.To = meta.from, meta.to
	if st.From.IsZero() || st.To.IsZero() {
		st.From, st.To = st.Lines[0].Date, st.Lines[0].Date
		for _, l := range st.Lines {
			if l.Date.Before(st.From) {
				st.From = l.Date
			}
			if l.Date.After(st.To) {
				st.To = l.Date
			}
		}
	}
	// Balances: a pseudo-row of the table, else the preamble or summary.
	opening, closing := meta.opening, meta.closing
	closingPref := meta.closingPref
	var openingDate, closingDate date.Date
	for _, ps := range pseudo {
		v, ok := m.pseudoBalance(ps.row, amounts)
		if !ok {
			continue
		}
		d, _ := dates.read(dateOf(ps.row))
		switch {
		case ps.kind == "opening" && openingDate.IsZero():
			opening, openingDate = &v, d
		case ps.kind == "closing" && (closing == nil || ps.preference <= closingPref):
			closing, closingDate, closingPref = &v, d, ps.preference
		}
	}
	if p.Records != nil {
		if err := m.recordBalances(&st, dates, amounts); err != nil {
			return File{}, err
		}
	}
	if opening != nil {
		st.Opening = &Balance{Date: firstDate(openingDate, st.From), Amount: *opening}
	}
	if closing != nil {
		st.Closing = &Balance{Date: firstDate(closingDate, st.To), Amount: *closing}
	}
	return File{Format: FormatTable, Profile: p.Name, Statements: []Statement{st}}, nil
}

// metaTop is the index of the first row of the table proper: rows above it
// are the preamble.
func (m *match) metaTop() int {
	if m.headerAt >= 0 {
		return m.headerAt
	}
	return m.dataStart
}

func firstOf(v ...string) string {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}

func firstDate(v ...date.Date) date.Date {
	for _, d := range v {
		if !d.IsZero() {
			return d
		}
	}
	return date.Date{}
}

// amountReader decides how the file writes amounts.
func (m *match) amountReader(s *sheet, lines []pending, currency string, exp int, opt Options) amountReader {
	p := m.profile
	a := amountReader{currency: currency, exp: exp, implied: p.Number.Implied}
	if p.Number.Decimal != "" {
		a.style.Decimal, _ = utf8.DecodeRuneInString(p.Number.Decimal)
		if p.Number.Group != "" {
			a.style.Group, _ = utf8.DecodeRuneInString(p.Number.Group)
		}
		return a
	}
	var cells []string
	machine := s.spreadsheet
	for _, l := range lines {
		for _, role := range []Role{RoleAmount, RoleDebit, RoleCredit, RoleBalance} {
			for _, i := range m.roles(role) {
				v := m.cell(l.row, i)
				if v == "" {
					continue
				}
				cells = append(cells, v)
				if machine && !isMachineNumber(v) && v != "-" {
					machine = false
				}
			}
		}
	}
	if machine && exp == 0 {
		for _, c := range cells { // "1.234" as text in a peso file is grouping, not a decimal
			if i := strings.IndexByte(c, '.'); i >= 0 && digitsAfter(c, i) == 3 && !strings.ContainsAny(c, "eE") {
				machine = false
				break
			}
		}
	}
	a.machine = machine
	country := firstOf(p.Country, opt.Country)
	a.style = decideStyle(cells, exp, country)
	return a
}

// dateReader reads the dates of one file in its layout.
type dateReader struct {
	layouts     []dateLayout
	spreadsheet bool
	date1904    bool
	ref         date.Date // dates without a year fall on or before it
}

func (d dateReader) read(v string) (date.Date, bool) {
	if v == "" {
		return date.Date{}, false
	}
	if d.spreadsheet {
		if y, ok := excelSerial(v, d.date1904); ok {
			return date.New(y.y, time.Month(y.m), y.d), true
		}
	}
	for _, l := range d.layouts {
		y, ok := l.parse(v)
		if !ok {
			continue
		}
		if y.y == 0 {
			return d.placeYear(y)
		}
		return date.New(y.y, time.Month(y.m), y.d), true
	}
	return date.Date{}, false
}

// placeYear gives a date without a year the latest year that does not put
// it after the reference date (the end of the statement's period, or today).
func (d dateReader) placeYear(v ymd) (date.Date, bool) {
	ref := d.ref
	if ref.IsZero() {
		ref = date.Of(time.Now())
	}
	for y := ref.Year; y >= ref.Year-4; y-- {
		if !validDay(y, v.m, v.d) {
			continue
		}
		if t := date.New(y, time.Month(v.m), v.d); !t.After(ref) {
			return t, true
		}
	}
	return date.Date{}, false
}

// describe is the text of a row's description columns.
func (m *match) describe(r tableRow) string {
	var parts []string
	for i, c := range m.profile.Columns {
		if m.spans[i].from < 0 {
			continue
		}
		switch c.Role {
		case RoleDescription:
			v := m.text(r, i)
			if c.RefSeparator != "" {
				if j := strings.LastIndex(v, c.RefSeparator); j >= 0 {
					v = strings.TrimSpace(v[:j])
				}
			}
			if v != "" {
				parts = append(parts, v)
			}
		}
	}
	return strings.Join(parts, " ")
}

// line builds the movement of a row.
func (m *match) line(l pending, dates dateReader, amounts amountReader, spreadsheet bool) (Line, error) {
	r := l.row
	out := Line{Row: r.line}
	var amount, debit, credit *int64
	var signIn, signOut bool
	var texts, branches, details []string
	for i, c := range m.profile.Columns {
		if m.spans[i].from < 0 {
			continue
		}
		v := m.cell(r, i)
		switch c.Role {
		case RoleDate:
			if out.Date.IsZero() {
				d, ok := dates.read(v)
				if !ok {
					return Line{}, m.cellError(r, i, v, "bank.table.bad_date", nil)
				}
				out.Date = d
			}
		case RoleValueDate:
			if v != "" && out.ValueDate.IsZero() {
				d, ok := dates.read(v)
				if !ok {
					return Line{}, m.cellError(r, i, v, "bank.table.bad_date", nil)
				}
				out.ValueDate = d
			}
		case RoleAmount, RoleDebit, RoleCredit, RoleBalance:
			n, err := amounts.read(v)
			if errors.Is(err, errNoAmount) {
				continue
			}
			if err != nil {
				return Line{}, m.amountError(r, i, v, amounts, err)
			}
			switch c.Role {
			case RoleAmount:
				amount = &n
			case RoleDebit:
				if debit == nil || *debit == 0 {
					debit = &n
				}
			case RoleCredit:
				if credit == nil || *credit == 0 {
					credit = &n
				}
			case RoleBalance:
				out.Balance = &n
			}
		case RoleSign:
			in, ok := m.profile.Sign.value(v)
			if !ok {
				return Line{}, m.cellError(r, i, v, "bank.table.bad_sign", nil)
			}
			signIn, signOut = in, !in
		case RoleDescription, RoleBranch:
			t := m.text(r, i)
			if c.RefSeparator != "" {
				if j := strings.LastIndex(t, c.RefSeparator); j >= 0 {
					ref := strings.TrimSpace(t[j+len(c.RefSeparator):])
					t = strings.TrimSpace(t[:j])
					if ref != "" && !strings.EqualFold(ref, "NOTPROVIDED") {
						out.Reference = joinText(out.Reference, ref)
					}
				}
			}
			switch {
			case t == "":
			case c.Role == RoleBranch:
				branches = append(branches, t)
			default:
				texts = append(texts, t)
			}
		case RoleDetail:
			if v != "" {
				if n, err := amounts.read(v); err == nil && n == 0 || errors.Is(err, errNoAmount) {
					continue
				}
				details = append(details, c.columnName()+" "+v)
			}
		case RoleReference:
			out.Reference = joinText(out.Reference, cleanID(m.text(r, i), spreadsheet))
		case RoleBankTxnID:
			out.BankTxnID = joinText(out.BankTxnID, cleanID(v, spreadsheet))
		case RolePayer:
			out.Payer = joinText(out.Payer, m.text(r, i))
		case RolePayerID:
			out.PayerID = joinText(out.PayerID, cleanID(v, spreadsheet))
		case RoleCode:
			out.Code = joinText(out.Code, v)
		}
	}
	texts = append(texts, l.extra...)
	texts = append(texts, branches...)
	texts = append(texts, details...)
	out.Description = strings.Join(texts, " ")
	switch {
	case amount != nil:
		out.Amount = *amount
	case debit != nil && credit != nil && *debit != 0 && *credit != 0:
		return Line{}, &Error{Format: FormatTable, Line: r.line, Key: "bank.table.debit_and_credit",
			Params: map[string]string{"line": strconv.Itoa(r.line), "debit": m.cell(r, m.roles(RoleDebit)[0]), "credit": m.cell(r, m.roles(RoleCredit)[0])}}
	case debit != nil && *debit != 0:
		out.Amount = -abs(*debit)
	case credit != nil:
		out.Amount = abs(*credit)
	case debit != nil:
		out.Amount = 0
	default:
		return Line{}, &Error{Format: FormatTable, Line: r.line, Key: "bank.table.no_amount", Params: map[string]string{"line": strconv.Itoa(r.line)}}
	}
	switch {
	case signIn:
		out.Amount = abs(out.Amount)
	case signOut:
		out.Amount = -abs(out.Amount)
	}
	out.Reversal = reversal(out.Description)
	return out, nil
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// cleanID writes a number a spreadsheet stored for an id ("8.89429248937E+11",
// "1234.0") as its digits.
func cleanID(v string, spreadsheet bool) string {
	if spreadsheet && isMachineNumber(v) && (strings.ContainsAny(v, "eE") || strings.HasSuffix(v, ".0")) {
		if plain, ok := machineNumber(v); ok {
			return plain
		}
	}
	return v
}

// reversal reports a description of a reversal or a returned check.
func reversal(desc string) bool {
	f := fold(desc[:min(len(desc), 40)]) // the words looked for are at its start
	for _, p := range []string{"reversa", "reverso", "anulacion", "rechazo cheque", "devolucion cheque", "cheque devuelto", "extorno", "contracargo"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// value tells whether a sign flag means money in; ok is false for a value
// the profile does not list.
func (s *Sign) value(v string) (in, ok bool) {
	if s == nil {
		return false, false
	}
	v = strings.TrimSpace(v)
	for _, x := range s.In {
		if strings.EqualFold(strings.TrimSpace(x), v) {
			return true, true
		}
	}
	for _, x := range s.Out {
		if strings.EqualFold(strings.TrimSpace(x), v) {
			return false, true
		}
	}
	return false, false
}

// pseudoBalance is the balance a pseudo-row states: its balance column, or
// else its amount.
func (m *match) pseudoBalance(r tableRow, amounts amountReader) (int64, bool) {
	for _, role := range []Role{RoleBalance, RoleAmount, RoleCredit, RoleDebit} {
		v := m.first(r, role)
		if v == "" {
			continue
		}
		n, err := amounts.read(v)
		if err != nil {
			continue
		}
		if role == RoleAmount {
			if in, ok := m.profile.Sign.value(m.first(r, RoleSign)); ok && !in {
				n = -abs(n)
			}
		}
		if role == RoleDebit {
			n = -abs(n)
		}
		return n, true
	}
	return 0, false
}

// columnTitle is the header text of column i as the file writes it.
func (m *match) columnTitle(i int) string {
	if m.headerAt >= 0 && m.spans[i].from >= 0 {
		var parts []string
		for k := m.headerAt; k < m.dataStart; k++ {
			if v := cellAt(m.rows[k].cells, m.spans[i].from); v != "" {
				parts = append(parts, strings.Join(strings.Fields(strings.ReplaceAll(v, "\u00a0", " ")), " "))
			}
		}
		if len(parts) > 0 {
			return strings.Join(parts, " ")
		}
	}
	return m.profile.Columns[i].columnName()
}

func (m *match) cellError(r tableRow, col int, value, key string, extra map[string]string) error {
	params := map[string]string{"line": strconv.Itoa(r.line), "column": m.columnTitle(col), "value": value}
	for k, v := range extra {
		params[k] = v
	}
	return &Error{Format: FormatTable, Line: r.line, Key: key, Params: params}
}

func (m *match) amountError(r tableRow, col int, value string, a amountReader, err error) error {
	var pe *money.ParseError
	if errors.As(err, &pe) && pe.Reason == money.ReasonTooManyDecimals {
		e := m.cellError(r, col, value, "bank.table.too_many_decimals", map[string]string{"currency": a.currency})
		e.(*Error).Err = err
		return e
	}
	e := m.cellError(r, col, value, "bank.table.bad_amount", nil)
	e.(*Error).Err = err
	return e
}

// tableMeta is what the rows around the table say about the statement.
type tableMeta struct {
	account, currency          string
	fromText, toText, asOfText string
	openingText, closingText   string
	closingPref                int
	from, to, asOf             date.Date
	opening, closing           *int64
}

var (
	dateText   = `(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})`
	periodRe   = regexp.MustCompile(dateText + `\s*(?:al|a|hasta|-|–)\s*` + dateText)
	asOfRe     = regexp.MustCompile(`(?i)(?:movimientos|saldos?|cartola)\s+al\s+` + dateText)
	labelsFrom = map[string]bool{"fecha desde": true, "desde": true, "fecha inicio": true, "fecha inicial": true, "from": true}
	labelsTo   = map[string]bool{"fecha hasta": true, "hasta": true, "fecha fin": true, "fecha final": true, "fecha termino": true, "to": true}
	labelsAcct = map[string]bool{"cuenta": true, "n cuenta": true, "no cuenta": true, "nro cuenta": true, "numero de cuenta": true,
		"numero cuenta": true, "cuenta corriente": true, "n de cuenta": true, "n cuenta corriente": true, "cuenta n": true,
		"cuenta no": true, "cta": true, "account": true, "account number": true, "nro de cuenta": true}
	labelsCurrency = map[string]bool{"moneda": true, "currency": true, "divisa": true, "tipo de moneda": true}
)

// scanMeta reads the account, currency, period and balances that rows
// above or below the table state, as "Label: value", "Label | value" or a
// row of labels over a row of values.
func scanMeta(rows []tableRow, p *Profile) tableMeta {
	m := tableMeta{closingPref: 1 << 30}
	for i, r := range rows {
		joined := strings.Join(r.cells, " ")
		if g := periodRe.FindStringSubmatch(joined); g != nil && m.fromText == "" {
			m.fromText, m.toText = g[1], g[2]
		}
		if g := asOfRe.FindStringSubmatch(joined); g != nil && m.asOfText == "" {
			m.asOfText = g[1]
		}
		for j, c := range r.cells {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			label, value := fold(c), ""
			if k := strings.IndexByte(c, ':'); k > 0 {
				label, value = fold(c[:k]), strings.TrimSpace(c[k+1:])
			}
			if label == "" {
				continue
			}
			right := func() string {
				if value != "" {
					return value
				}
				for _, v := range r.cells[j+1:] {
					if v = strings.TrimSpace(v); v != "" {
						return v
					}
				}
				return ""
			}
			switch {
			case labelsAcct[label] && m.account == "":
				if v := right(); digitCount(v) >= 4 {
					m.account = v
				}
			case labelsCurrency[label] && m.currency == "":
				m.currency = currencyIn(right(), p.Country)
			case labelsFrom[label] && m.fromText == "":
				m.fromText = right()
			case labelsTo[label] && m.toText == "":
				m.toText = right()
			}
			kind, pref := labelOf(label)
			if kind == "" || kind == "opening" && m.openingText != "" || kind == "closing" && pref >= m.closingPref {
				continue
			}
			v := value
			if v == "" {
				if w := right(); amountText(w) {
					v = w
				}
			}
			if v == "" && i+1 < len(rows) && rows[i+1].line == r.line+1 {
				end := cellSpanEnd(foldAll(r.cells), j)
				for k := j; k < end; k++ {
					if w := cellAt(rows[i+1].cells, k); amountText(w) {
						v = w
						break
					}
				}
			}
			if !amountText(v) {
				continue
			}
			if kind == "opening" {
				m.openingText = v
			} else {
				m.closingText, m.closingPref = v, pref
			}
		}
	}
	return m
}

// amountText reports text that is an amount and nothing else: digits,
// separators, signs and at most a currency sign or code.
func amountText(v string) bool {
	u := strings.ToUpper(v)
	for _, c := range []string{"US$", "CLP", "USD", "COP", "MXN", "PEN", "ARS", "VES", "BS", "S/"} {
		u = strings.ReplaceAll(u, c, "")
	}
	for _, r := range u {
		if r >= 'A' && r <= 'Z' || r > 0x7F && r != '\u00a0' {
			return false
		}
	}
	return looksNumeric(u)
}

func foldAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = fold(c)
	}
	return out
}

func digitCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// currencyIn finds the currency a "Moneda" value names: an ISO code
// ("Pesos Chilenos (CLP)") or a word ("PESOS" is the country's peso).
func currencyIn(v, country string) string {
	for _, w := range strings.FieldsFunc(strings.ToUpper(v), func(r rune) bool { return !(r >= 'A' && r <= 'Z') }) {
		if money.Known(w) && len(w) == 3 {
			return w
		}
	}
	f := fold(v)
	switch {
	case strings.Contains(f, "dolar"), strings.Contains(f, "us"):
		return "USD"
	case strings.Contains(f, "euro"):
		return "EUR"
	case strings.Contains(f, "sol"):
		return "PEN"
	case strings.Contains(f, "bolivar"):
		return "VES"
	case strings.Contains(f, "peso"):
		return money.CurrencyFor(country)
	}
	return ""
}

// merge fills what m does not know from o (the summary below the table).
func (m *tableMeta) merge(o tableMeta) {
	m.account = firstOf(m.account, o.account)
	m.currency = firstOf(m.currency, o.currency)
	if m.fromText == "" {
		m.fromText, m.toText = o.fromText, o.toText
	}
	m.asOfText = firstOf(m.asOfText, o.asOfText)
	m.openingText = firstOf(m.openingText, o.openingText)
	if o.closingText != "" && o.closingPref < m.closingPref {
		m.closingText, m.closingPref = o.closingText, o.closingPref
	}
}

// resolve reads the dates and amounts of the metadata; what does not read is
// left out (the movements are what must read).
func (m *tableMeta) resolve(d dateReader, a amountReader, layouts []dateLayout) {
	general := d
	general.layouts = append(append([]dateLayout{}, layouts...), compileLayouts([]string{"dd/mm/yyyy", "dd-mm-yyyy", "yyyy-mm-dd", "dd.mm.yyyy", "yyyy/mm/dd", "dd/mm/yy", "dd-mm-yy"})...)
	m.from, _ = general.read(m.fromText)
	m.to, _ = general.read(m.toText)
	m.asOf, _ = general.read(m.asOfText)
	if m.from.After(m.to) {
		m.from, m.to = date.Date{}, date.Date{}
	}
	if n, err := a.read(m.openingText); err == nil {
		m.opening = &n
	}
	if n, err := a.read(m.closingText); err == nil {
		m.closing = &n
	}
}

// recordBalances reads the balances and account of a record-typed file.
func (m *match) recordBalances(st *Statement, dates dateReader, amounts amountReader) error {
	rc := m.profile.Records
	var firstOpening, lastClosing *tableRow
	for k := range m.rows {
		r := &m.rows[k]
		t := cellAt(r.cells, rc.Column-1)
		if rc.Opening != nil && t == rc.Opening.Type && firstOpening == nil {
			firstOpening = r
		}
		if rc.Closing != nil && t == rc.Closing.Type {
			lastClosing = r
		}
	}
	balance := func(r *tableRow, b *RecordBalance) (*Balance, error) {
		v := cellAt(r.cells, b.Amount-1)
		n, err := amounts.read(v)
		if err != nil {
			return nil, &Error{Format: FormatTable, Line: r.line, Key: "bank.table.bad_amount",
				Params: map[string]string{"line": strconv.Itoa(r.line), "column": strconv.Itoa(b.Amount), "value": v}, Err: err}
		}
		if b.Sign > 0 {
			if in, ok := m.profile.Sign.value(cellAt(r.cells, b.Sign-1)); ok && !in {
				n = -abs(n)
			}
		}
		out := &Balance{Amount: n}
		if b.Date > 0 {
			out.Date, _ = dates.read(cellAt(r.cells, b.Date-1))
		}
		return out, nil
	}
	if firstOpening != nil {
		b, err := balance(firstOpening, rc.Opening)
		if err != nil {
			return err
		}
		st.Opening = b
		if st.Opening.Date.IsZero() {
			st.Opening.Date = st.From
		}
		var parts []string
		for _, c := range rc.Account {
			if v := cellAt(firstOpening.cells, c-1); v != "" {
				parts = append(parts, v)
			}
		}
		if st.Account == "" {
			st.Account = strings.Join(parts, "-")
		}
	}
	if lastClosing != nil {
		b, err := balance(lastClosing, rc.Closing)
		if err != nil {
			return err
		}
		st.Closing = b
		if st.Closing.Date.IsZero() {
			st.Closing.Date = st.To
		}
	}
	return nil
}
