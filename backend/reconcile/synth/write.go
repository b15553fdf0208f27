package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/money"
	"cartera/backend/taxid"
)

// Files written by WriteFiles, in dir.
const (
	ClientsFile   = "clientes.csv"
	DocumentsFile = "documentos.csv"
	StatementFile = "cartola.csv"
	LabelsFile    = "etiquetas.csv"
)

// WriteFiles writes the dataset as CSV files a person or the headless
// commands can import, with Spanish headers the importer recognises: the
// clients (tax ID, legal and trade name), the open documents (kind, number,
// client, dates, currency, open amount, the invoice a credit note
// corrects), the statement (date dd/mm/yyyy, description, reference, debit
// and credit columns, payer) and the labels (the truth per line). Amounts
// are written plain with a dot for decimals. It streams, so a million
// documents take about a second.
func (d Dataset) WriteFiles(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tax := taxid.Name(d.Country)
	plain := func(v int64) string { return money.FormatPlain(v, d.Currency, money.StyleUngrouped) }
	clientTax := make(map[int64]string, len(d.Clients))
	for _, c := range d.Clients {
		clientTax[c.ID] = c.TaxID
	}
	number := make(map[int64]string, len(d.Documents))
	for _, doc := range d.Documents {
		number[doc.ID] = doc.Number
	}
	err := writeCSV(filepath.Join(dir, ClientsFile), []string{tax, "Razón social", "Nombre de fantasía"}, len(d.Clients),
		func(i int) []string {
			c := d.Clients[i]
			return []string{taxid.Format(d.Country, c.TaxID), c.LegalName, c.TradeName}
		})
	if err != nil {
		return err
	}
	err = writeCSV(filepath.Join(dir, DocumentsFile), []string{"Tipo documento", "Número", tax, "Fecha emisión", "Vencimiento",
		"Moneda", "Monto", "Saldo", "Documento referencia"}, len(d.Documents),
		func(i int) []string {
			doc := d.Documents[i]
			kind := "Factura"
			if doc.Kind == ar.KindCreditNote {
				kind = "Nota de crédito"
			}
			return []string{kind, doc.Number, taxid.Format(d.Country, clientTax[doc.ClientID]), doc.IssueDate.String(),
				doc.DueDate.String(), doc.Currency, plain(doc.Open), plain(doc.Open), number[doc.AppliesToID]}
		})
	if err != nil {
		return err
	}
	err = writeCSV(filepath.Join(dir, StatementFile), []string{"Fecha", "Descripción", "Referencia", "Cargos", "Abonos", "Ordenante", "Id ordenante"},
		len(d.Lines), func(i int) []string {
			l := d.Lines[i]
			debit, credit := "", ""
			if l.Amount < 0 {
				debit = plain(-l.Amount)
			} else {
				credit = plain(l.Amount)
			}
			day := fmt.Sprintf("%02d/%02d/%04d", l.Date.Day, int(l.Date.Month), l.Date.Year)
			return []string{day, l.Description, l.Reference, debit, credit, l.Payer, l.PayerID}
		})
	if err != nil {
		return err
	}
	return writeCSV(filepath.Join(dir, LabelsFile), []string{"Línea", "Categoría", "Caso", "Rasgos", tax, "Documentos", "Notas de crédito", "Saldo a favor"},
		len(d.Labels), func(i int) []string {
			lab := d.Labels[i]
			var docs, credits []string
			for _, a := range lab.Allocs {
				docs = append(docs, number[a.DocumentID]+"="+plain(a.Amount))
			}
			for _, c := range lab.Credits {
				credits = append(credits, number[c.CreditNoteID]+">"+number[c.DocumentID]+"="+plain(c.Amount))
			}
			id := ""
			if lab.ClientID != 0 {
				id = taxid.Format(d.Country, clientTax[lab.ClientID])
			}
			return []string{strconv.FormatInt(d.Lines[i].ID, 10), string(lab.Category), lab.Case, strings.Join(lab.Traits, " "),
				id, strings.Join(docs, ";"), strings.Join(credits, ";"), plain(lab.Remainder)}
		})
}

func writeCSV(path string, header []string, n int, row func(i int) []string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	if err := w.Write(header); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := w.Write(row(i)); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
