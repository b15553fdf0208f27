package i18n

// Messages about bank accounts, statement imports, rules and matches as the
// portfolio keeps them (backend/sqlite/bank*.go, reconcile.go, cli/bank.go).
var _ = add(map[string][2]string{
	"bank.account_has_lines":    {"la cuenta ya tiene {lines} movimientos importados: su número y moneda no se pueden cambiar.", "the account already has {lines} imported lines: its number and currency cannot change."},
	"bank.account_exists":       {"ya hay una cuenta con ese número y moneda.", "there is already an account with that number and currency."},
	"bank.account_not_found":    {"la cuenta bancaria no existe.", "the bank account does not exist."},
	"bank.account_unknown":      {"no hay una cuenta bancaria «{value}» en esta cartera (use su número, nombre o id).", "there is no bank account “{value}” in this portfolio (use its number, name or id)."},
	"bank.currency_mismatch":    {"la cuenta {account} es en {currency} y la cartola en {file}; elija otra cuenta.", "account {account} is in {currency} and the statement in {file}; choose another account."},
	"bank.account_mismatch":     {"la cartola es de la cuenta {file}, no de la cuenta {account} elegida.", "the statement is of account {file}, not of the chosen account {account}."},
	"bank.choose_account":       {"la cartola no dice de qué cuenta es y la cartera tiene varias: elija la cuenta.", "the statement does not say which account it is from and the portfolio has several: choose the account."},
	"bank.undo_matched":         {"la línea {row} ({date}) ya está conciliada con un pago; deshaga esa conciliación primero.", "line {row} ({date}) is already matched to a payment; undo that match first."},
	"bank.line_not_found":       {"el movimiento no existe o su importación fue deshecha.", "the line does not exist or its import was undone."},
	"bank.line_not_pending":     {"el movimiento ya no está pendiente (se concilió o se dejó de lado).", "the line is no longer pending (it was matched or set aside)."},
	"bank.match_stale":          {"el documento {document} cambió desde la sugerencia (ya no tiene ese saldo pendiente); vuelva a conciliar.", "document {document} changed since the suggestion (it no longer has that open amount); reconcile again."},
	"bank.match_not_deposit":    {"solo un abono (dinero que entra) puede pagar facturas.", "only a deposit (money in) can pay invoices."},
	"bank.match_over_amount":    {"lo aplicado ({amount}) supera el monto del depósito ({line}).", "the amount applied ({amount}) exceeds the deposit ({line})."},
	"bank.match_not_found":      {"la conciliación no existe.", "the match does not exist."},
	"bank.match_undone":         {"la conciliación ya fue deshecha.", "the match was already undone."},
	"bank.run_not_found":        {"la pasada de conciliación no existe.", "the reconciliation run does not exist."},
	"bank.run_undone":           {"la pasada de conciliación ya fue deshecha.", "the reconciliation run was already undone."},
	"bank.rule_kind":            {"elija qué hace la regla.", "choose what the rule does."},
	"bank.mapping.name":         {"dé un nombre a este formato (por ejemplo, el del banco) para guardarlo.", "give this layout a name (the bank's, for instance) to save it."},
	"bank.mapping.header":       {"elija la fila que tiene los nombres de las columnas.", "choose the row that holds the column names."},
	"bank.mapping.unnamed":      {"la columna {column} no tiene nombre en la fila elegida; elija la fila de los nombres de columna.", "column {column} has no name in the chosen row; choose the row of the column names."},
	"bank.mapping.no_date":      {"indique qué columna tiene la fecha.", "say which column holds the date."},
	"bank.mapping.no_amount":    {"indique qué columna tiene el monto, o las de cargos y abonos.", "say which column holds the amount, or the debit and credit columns."},
	"bank.mapping.amount_twice": {"use una columna de monto con signo, o columnas de cargos y abonos, no ambas.", "use one signed amount column, or debit and credit columns, not both."},
	"bank.mapping.invalid":      {"el formato no se puede usar así; revise las columnas elegidas.", "the layout cannot be used like this; check the chosen columns."},
	"bank.reason.manual":        {"asignado a mano", "assigned by hand"},
	"bank.suggestion_not_found": {"esa sugerencia ya no está.", "that suggestion is no longer there."},
	"bank.rule_not_found":       {"la regla no existe o fue eliminada.", "the rule does not exist or was deleted."},
})
