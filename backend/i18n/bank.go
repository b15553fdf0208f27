package i18n

// Messages about statement files as a whole (backend/bankfile/read.go); each
// format's own messages are in bank_<format>.go.
var _ = add(map[string][2]string{
	"bank.empty_file":     {"El archivo está vacío.", "The file is empty."},
	"bank.file_too_large": {"El archivo es demasiado grande (más de {max}); exporte un período más corto.", "The file is too large (over {max}); export a shorter period."},
	"bank.unknown_format": {"Cartera no reconoce este archivo como una cartola o estado de cuenta (OFX, CAMT, MT940, QIF, Excel o CSV).", "Cartera does not recognise this file as a bank statement (OFX, CAMT, MT940, QIF, Excel or CSV)."},
})
