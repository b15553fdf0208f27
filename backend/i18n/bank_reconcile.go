package i18n

// The reasons the matcher (backend/reconcile) gives for a proposed match of
// a bank deposit to invoices; the window and the CSV export show them
// joined with "; ".
var _ = add(map[string][2]string{
	"bank.reason.taxid":            {"{name} {taxid} del pagador es {client}", "payer's {name} {taxid} is {client}"},
	"bank.reason.rule":             {"regla aprendida: «{pattern}» → {client}", "learned rule: “{pattern}” → {client}"},
	"bank.reason.name":             {"nombre del pagador «{payer}» ≈ {client}", "payer name “{payer}” ≈ {client}"},
	"bank.reason.number":           {"{number} en la descripción", "{number} in the description"},
	"bank.reason.number_typo":      {"«{written}» en la descripción parece {number} con un dígito cambiado", "“{written}” in the description looks like {number} with one digit wrong"},
	"bank.reason.number_elsewhere": {"la descripción nombra {number}, que esta propuesta no paga", "the description names {number}, which this proposal does not pay"},
	"bank.reason.exact_amount":     {"monto exacto", "exact amount"},
	"bank.reason.same_amount":      {"el cliente tiene {count} facturas abiertas por este mismo monto: confirme cuál", "the client has {count} open invoices for this same amount: confirm which one"},
	"bank.reason.sum":              {"suma de {count} facturas del cliente ({numbers})", "sum of {count} of the client's invoices ({numbers})"},
	"bank.reason.other_sum":        {"otra combinación de facturas suma lo mismo: confirme cuál", "another combination of invoices adds up to the same: confirm which one"},
	"bank.reason.credit_note":      {"factura menos la nota de crédito {number}", "invoice less credit note {number}"},
	"bank.reason.partial":          {"pago parcial: {number} queda con {left} por pagar", "partial payment: {left} still owed on {number}"},
	"bank.reason.overpayment":      {"pago en exceso: {amount} queda como saldo a favor del cliente", "overpayment: {amount} stays as the client's credit"},
	"bank.reason.short":            {"el depósito es {diff} menor que {number} (¿comisión o retención descontada?)", "the deposit is {diff} less than {number} (a fee or withholding deducted?)"},
	"bank.reason.oldest_first":     {"ningún monto coincide: se aplica a las facturas más antiguas", "no amount matches: applied to the oldest invoices"},
	"bank.reason.on_account":       {"el cliente no tiene facturas abiertas: queda como saldo a favor", "the client has no open invoices: kept as the client's credit"},
	"bank.reason.amount_only":      {"solo coincide el monto; nada en la línea identifica al pagador", "only the amount matches; nothing in the line identifies the payer"},
	"bank.reason.due_before":       {"vence {days} días antes del depósito", "due {days} days before the deposit"},
	"bank.reason.due_before_one":   {"vence 1 día antes del depósito", "due 1 day before the deposit"},
	"bank.reason.due_after":        {"vence {days} días después del depósito", "due {days} days after the deposit"},
	"bank.reason.due_after_one":    {"vence 1 día después del depósito", "due 1 day after the deposit"},
	"bank.reason.due_same_day":     {"vence el día del depósito", "due on the day of the deposit"},
})
