package reconcile

import (
	"fmt"
	"testing"

	"cartera/backend/date"
)

func TestScratch(t *testing.T) {
	d := date.MustParse
	clients := []Client{
		{ID: 1, TaxID: "761234567", LegalName: "Comercial Sur SpA", Country: "CL"},
		{ID: 2, TaxID: "162687964", LegalName: "Alejandro Palma Saldivia", Country: "CL"},
		{ID: 3, TaxID: "778889990", LegalName: "Comercial del Sur Ltda", Country: "CL"},
	}
	docs := []Document{
		{ID: 10, ClientID: 1, Kind: "invoice", Number: "1234", IssueDate: d("2025-01-05"), DueDate: d("2025-02-04"), Currency: "CLP", Open: 1190000},
		{ID: 11, ClientID: 1, Kind: "invoice", Number: "1235", IssueDate: d("2025-01-06"), DueDate: d("2025-02-05"), Currency: "CLP", Open: 595000},
		{ID: 12, ClientID: 2, Kind: "invoice", Number: "1240", IssueDate: d("2025-01-07"), DueDate: d("2025-02-06"), Currency: "CLP", Open: 300000},
		{ID: 13, ClientID: 3, Kind: "invoice", Number: "1241", IssueDate: d("2025-01-07"), DueDate: d("2025-02-06"), Currency: "CLP", Open: 595000},
		{ID: 14, ClientID: 1, Kind: "credit_note", Number: "88", IssueDate: d("2025-01-08"), DueDate: d("2025-01-08"), Currency: "CLP", Open: 95000, AppliesToID: 11},
	}
	b := NewBook("CL", clients, docs, DefaultRules())
	for _, l := range []Line{
		{ID: 1, Date: d("2025-02-03"), Amount: 1190000, Description: "TRANSF DE COMERCIAL SUR Y CIA LT"},
		{ID: 2, Date: d("2025-02-03"), Amount: 1785000, Description: "ABONO TERCEROS 76.123.456-7 FACTURAS 1234 Y 1235"},
		{ID: 3, Date: d("2025-02-03"), Amount: 300000, Description: "ABONO TERCEROS 16268796-4 A.PALMA SALDIV"},
		{ID: 4, Date: d("2025-02-03"), Amount: 500000, Description: "TRANSF DE COMERCIAL SUR FACT 1235 NC 88"},
		{ID: 5, Date: d("2025-02-03"), Amount: 595000, Description: "DEP CHEQUE"},
		{ID: 6, Date: d("2025-02-03"), Amount: -1500, Description: "COMISION MANTENCION"},
		{ID: 7, Date: d("2025-02-03"), Amount: -285, Description: "IVA COMISION"},
		{ID: 8, Date: d("2025-02-03"), Amount: 600000, Description: "PAGO FACT 1234 COMERCIAL SUR"},
		{ID: 9, Date: d("2025-02-03"), Amount: 1190000, Description: "TRANSF 761234567 FAC1243"},
	} {
		r := b.Match(l, Options{})
		fmt.Printf("line %d %s rule=%d auto=%v\n", l.ID, r.Category, r.RuleID, r.Auto)
		for _, p := range r.Proposals {
			fmt.Printf("   %.3f client=%d allocs=%v credits=%v rem=%d :: %s\n", p.Confidence, p.ClientID, p.Allocs, p.Credits, p.Remainder, Describe("es", p.Reasons))
		}
	}
}
