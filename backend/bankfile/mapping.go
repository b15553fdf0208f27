package bankfile

import (
	"os"
	"strings"
)

// Sample is the top of a spreadsheet or text statement that no profile
// reads: what the mapping wizard shows so that the user can say which row
// holds the column names and what each column is.
type Sample struct {
	Rows []SampleRow `json:"rows"` // the first non-blank rows, as the file has them
	// HeaderLine is the line of the row that looks most like column names
	// (0 when none does); Roles are the roles guessed for its columns
	// ("" = not read), both only suggestions for the user.
	HeaderLine int      `json:"headerLine"`
	Roles      []Role   `json:"roles"`
	Dates      []string `json:"dates"` // the date layouts the wizard offers, the likeliest first
}

// SampleRow is one row of a Sample.
type SampleRow struct {
	Line  int      `json:"line"`
	Cells []string `json:"cells"`
}

// SampleRows is how many rows a Sample holds.
const SampleRows = 60

// ReadSample reads the top of a spreadsheet or delimited text file.
func ReadSample(path string) (Sample, error) {
	if _, err := os.Stat(path); err != nil {
		return Sample{}, err
	}
	s, err := loadSheet(path)
	if err != nil {
		return Sample{}, err
	}
	out := Sample{Rows: []SampleRow{}, Dates: append([]string{}, genericDates...)}
	for _, r := range s.rows[:min(len(s.rows), SampleRows)] {
		out.Rows = append(out.Rows, SampleRow{Line: r.line, Cells: r.cells})
	}
	if len(out.Rows) == 0 {
		return out, &Error{Format: FormatTable, Key: "bank.no_lines"}
	}
	// The row the generic names understand best is the likely header.
	best := 0
	for i, r := range s.rows[:min(len(s.rows), headerSearch)] {
		var sample [][]string
		for _, d := range s.rows[i+1 : min(len(s.rows), i+21)] {
			sample = append(sample, d.cells)
		}
		g, ok := GuessProfile(r.cells, sample)
		if !ok || len(g.Columns) <= best {
			continue
		}
		best, out.HeaderLine = len(g.Columns), r.line
		out.Roles = make([]Role, len(r.cells))
		for _, c := range g.Columns {
			for j, h := range r.cells {
				if out.Roles[j] == "" && strings.TrimSpace(h) == c.Names[0] {
					out.Roles[j] = c.Role
					break
				}
			}
		}
		out.Dates = append(append([]string{}, g.Dates...), without(genericDates, g.Dates)...)
	}
	return out, nil
}

func without(all, some []string) []string {
	var out []string
	for _, a := range all {
		found := false
		for _, s := range some {
			found = found || s == a
		}
		if !found {
			out = append(out, a)
		}
	}
	return out
}

// Mapping is what the user says in the mapping wizard about a statement
// layout Cartera does not know.
type Mapping struct {
	Name       string `json:"name"`       // the name the layout is saved under, e.g. "Banco Internacional"
	Bank       string `json:"bank"`       // the bank, for the accounts the layout's files create
	HeaderLine int    `json:"headerLine"` // the line of the column names
	Roles      []Role `json:"roles"`      // per column of that row; "" = not read
	DateLayout string `json:"dateLayout"` // e.g. "dd/mm/yyyy"; "" = try the usual ones
	Decimal    string `json:"decimal"`    // "," or "."; "" = decide from the file
}

// ProfileFrom turns the user's mapping of a sample into a profile that reads
// files of that layout: each chosen column found by its name in the header
// row. The profile is checked as every profile is.
func (s Sample) ProfileFrom(m Mapping) (Profile, error) {
	p := Profile{Name: strings.TrimSpace(m.Name), Bank: strings.TrimSpace(m.Bank)}
	if p.Name == "" {
		return p, &Error{Format: FormatTable, Key: "bank.mapping.name"}
	}
	if p.Bank == "" {
		p.Bank = p.Name
	}
	var header []string
	for _, r := range s.Rows {
		if r.Line == m.HeaderLine {
			header = r.Cells
		}
	}
	if header == nil {
		return p, &Error{Format: FormatTable, Key: "bank.mapping.header"}
	}
	has := map[Role]bool{}
	for j, role := range m.Roles {
		if role == "" || j >= len(header) {
			continue
		}
		name := strings.TrimSpace(header[j])
		if name == "" {
			return p, &Error{Format: FormatTable, Line: m.HeaderLine, Key: "bank.mapping.unnamed", Params: map[string]string{"column": columnLetter(j)}}
		}
		p.Columns = append(p.Columns, Column{Role: role, Names: []string{name}})
		has[role] = true
	}
	switch {
	case !has[RoleDate]:
		return p, &Error{Format: FormatTable, Key: "bank.mapping.no_date"}
	case !has[RoleAmount] && !has[RoleDebit] && !has[RoleCredit]:
		return p, &Error{Format: FormatTable, Key: "bank.mapping.no_amount"}
	case has[RoleAmount] && (has[RoleDebit] || has[RoleCredit]):
		return p, &Error{Format: FormatTable, Key: "bank.mapping.amount_twice"}
	}
	if m.DateLayout != "" {
		p.Dates = []string{m.DateLayout}
	} else {
		p.Dates = append([]string{}, genericDates...)
	}
	if m.Decimal == "," || m.Decimal == "." {
		p.Number.Decimal = m.Decimal
		p.Number.Group = map[string]string{",": ".", ".": ","}[m.Decimal]
	}
	if err := p.Validate(); err != nil {
		return p, &Error{Format: FormatTable, Key: "bank.mapping.invalid", Err: err}
	}
	return p, nil
}

// columnLetter is a column's name as a spreadsheet shows it (0 → "A").
func columnLetter(j int) string {
	s := ""
	for j++; j > 0; j = (j - 1) / 26 {
		s = string(rune('A'+(j-1)%26)) + s
	}
	return s
}
