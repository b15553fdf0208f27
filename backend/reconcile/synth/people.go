package synth

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The words clients' names are made of: ordinary Latin American business
// and personal names. Companies are a line of business and a core
// ("Comercial" + "del Sur"), persons a first name and two surnames.

var businessKinds = []string{
	"Comercial", "Distribuidora", "Ferretería", "Constructora", "Transportes", "Inversiones",
	"Servicios", "Agrícola", "Panificadora", "Farmacia", "Importadora", "Exportadora", "Librería",
	"Maderas", "Textil", "Imprenta", "Laboratorio", "Inmobiliaria", "Ingeniería", "Frigorífico",
	"Lácteos", "Supermercado", "Automotriz", "Repuestos", "Veterinaria", "Óptica",
	"Comercializadora", "Hotel", "Colegio", "Agroindustrial", "Pesquera", "Logística",
	"Metalúrgica", "Plásticos", "Papelería", "Electricidad", "Climatización", "Seguridad",
	"Eventos", "Minera", "Materiales", "Muebles", "Tecnología", "Clínica", "Restaurante",
	"Sociedad Comercial", "Inversiones y Servicios", "Distribuciones", "Soluciones", "Grupo",
}

var businessCores = []string{
	"Los Andes", "del Pacífico", "San Martín", "Santa Rosa", "El Roble", "La Esperanza",
	"Los Aromos", "del Sur", "del Norte", "Cordillera", "Hermanos Pérez", "González e Hijos",
	"Valle Central", "La Frontera", "San José", "Santa Lucía", "El Progreso", "La Unión",
	"Los Robles", "Las Acacias", "Río Claro", "Monte Verde", "Punta Arenas", "El Alba",
	"Don Pedro", "Doña Carmen", "Tres Hermanos", "La Estrella", "Sol Naciente",
	"Nuevo Horizonte", "Los Pinos", "El Trébol", "San Francisco", "Altamira", "Bellavista",
	"El Mirador", "Los Olivos", "Las Palmas", "Mar Azul", "Tierra Fértil", "Buen Camino",
	"La Cosecha", "Alameda", "Costanera", "Andina", "Austral", "Central", "Metropolitana",
	"Pacífico Sur", "Rivera y Cía.", "Muñoz Hermanos", "Rojas y Asociados", "Díaz & Díaz",
	"Vargas", "Castillo", "Herrera", "Morales", "Fuentes", "Núñez", "Araya", "Contreras",
	"Sepúlveda", "Espinoza", "Torres", "Ramírez", "Flores", "Reyes", "Gutiérrez", "Jiménez",
	"Mendoza", "Ortiz", "Salazar", "Cárdenas", "Aguilar", "Navarro", "Campos", "Sur", "Norte",
	"Oriente", "Poniente", "Maipo", "Biobío", "Atacama", "Magallanes", "Antioquia", "Caribe",
	"Llanos", "Bajío", "Sierra Madre", "Huasteca", "Yucatán", "Cusco", "Arequipa", "Amazonas",
	"Pampa", "Patagonia", "Cuyo", "Litoral", "Río de la Plata", "Mediterráneo", "Atlántico",
	"Sudamericana", "Latina", "Continental", "Integral", "Global", "Premium", "Express",
	"Total", "Uno", "Dos Mundos", "Omega", "Delta", "Alfa", "Génesis", "Horizonte",
	"Pionera", "Vanguardia", "Santa Elena", "San Cristóbal", "San Pablo", "Santa Isabel",
	"La Florida", "Las Condes", "Providencia", "Ñuñoa", "Chapinero", "Polanco", "Miraflores",
	"Palermo", "Belgrano", "Recoleta", "Surco", "Barranco", "Coyoacán", "Envigado",
}

var firstNames = []string{
	"María", "José", "Juan", "Ana", "Luis", "Carmen", "Carlos", "Rosa", "Jorge", "Patricia",
	"Francisco", "Claudia", "Pedro", "Verónica", "Manuel", "Andrea", "Ricardo", "Paola",
	"Fernando", "Daniela", "Sergio", "Camila", "Rodrigo", "Valentina", "Alejandro", "Lorena",
	"Cristián", "Marcela", "Diego", "Gabriela", "Felipe", "Natalia", "Andrés", "Carolina",
	"Pablo", "Francisca", "Javier", "Isabel", "Héctor", "Sofía", "Raúl", "Mónica", "Tomás",
	"Beatriz", "Ignacio", "Alejandra", "Gonzalo", "Cecilia", "Mauricio", "Ximena",
}

var lastNames = []string{
	"González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva", "Martínez",
	"Sepúlveda", "Morales", "Rodríguez", "López", "Fuentes", "Hernández", "Torres", "Araya",
	"Flores", "Espinoza", "Valenzuela", "Castillo", "Tapia", "Reyes", "Gutiérrez", "Castro",
	"Pizarro", "Álvarez", "Vásquez", "Sánchez", "Fernández", "Ramírez", "Carrasco", "Gómez",
	"Cortés", "Herrera", "Núñez", "Jara", "Vergara", "Rivera", "Figueroa", "García", "Ramos",
	"Medina", "Aguilar", "Vargas", "Mendoza", "Ortega", "Cruz", "Chávez", "Quispe", "Palma",
	"Saldivia", "Mahla", "Zúñiga", "Bravo", "Olivares", "Leiva", "Navarrete", "Salinas", "Cáceres",
}

// legalForms are the company forms of each country, most common first.
var legalForms = map[string][]string{
	"CL": {"SpA", "Ltda.", "S.A.", "E.I.R.L."},
	"CO": {"S.A.S.", "Ltda.", "S.A.", "S. en C."},
	"MX": {"S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V.", "S.C."},
	"PE": {"S.A.C.", "E.I.R.L.", "S.R.L.", "S.A."},
	"AR": {"S.R.L.", "S.A.", "S.A.S.", "S.C."},
}

// bankLegal is how a bank's system writes a legal form, cut and without dots.
var bankLegal = map[string][]string{
	"SpA":                {"SPA", "SPA", "SPA.", ""},
	"Ltda.":              {"LTDA", "LTDA.", "LT", "LIMITADA", ""},
	"S.A.":               {"SA", "S.A.", "S A", ""},
	"E.I.R.L.":           {"EIRL", "E.I.R.L.", ""},
	"S.A.S.":             {"SAS", "S.A.S.", "S A S", ""},
	"S. en C.":           {"S EN C", "S. EN C.", ""},
	"S.A. de C.V.":       {"SA DE CV", "S.A. DE C.V.", "SA CV", ""},
	"S. de R.L. de C.V.": {"S DE RL DE CV", "S. DE R.L. DE C.V.", ""},
	"S.A.P.I. de C.V.":   {"SAPI DE CV", "S.A.P.I. DE C.V.", ""},
	"S.C.":               {"SC", "S.C.", ""},
	"S.A.C.":             {"SAC", "S.A.C.", ""},
	"S.R.L.":             {"SRL", "S.R.L.", ""},
}

// abbreviations are how banks and payers shorten common name words.
var abbreviations = map[string]string{
	"COMERCIAL": "COM.", "DISTRIBUIDORA": "DIST.", "SOCIEDAD": "SOC.", "INVERSIONES": "INV.",
	"SERVICIOS": "SERV.", "CONSTRUCTORA": "CONST.", "TRANSPORTES": "TRANSP.", "INGENIERIA": "ING.",
	"IMPORTADORA": "IMPORT.", "COMERCIALIZADORA": "COMERC.", "DISTRIBUCIONES": "DISTRIB.",
	"HERMANOS": "HNOS.", "COMPAÑIA": "CIA.", "COMPANIA": "CIA.", "AGRICOLA": "AGRIC.",
	"LABORATORIO": "LAB.", "INMOBILIARIA": "INMOB.", "EXPORTADORA": "EXPORT.", "SOLUCIONES": "SOLUC.",
}

// unknownPayers are names of people and companies that are not clients of
// the portfolio: they pay for something the book does not hold.
var unknownCompanies = []string{
	"Inversiones Quilapán", "Comercial Yaguarón", "Agrícola Tinguiririca", "Servicios Ñielol",
	"Constructora Huechuraba", "Distribuidora Puyehue", "Transportes Calafquén", "Logística Rupanco",
	"Importadora Chillán Viejo", "Textiles Pirque", "Maderas Curacautín", "Ferretería Licantén",
}

// fold strips accents.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	r, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return r
}

// upper writes a name the way bank systems do: upper case, usually without accents.
func upper(s string, keepAccents bool) string {
	if !keepAccents {
		s = fold(s)
	}
	return strings.ToUpper(s)
}

// truncate cuts s to n bytes of its text (banks cut fixed-width fields).
func truncate(s string, n int) string {
	if n <= 0 || len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRight(string(r[:n]), " .")
}
