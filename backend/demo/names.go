package demo

// The word lists demo clients, contacts and companies are made of. They are
// ordinary Latin American business and personal names; combined they give
// hundreds of thousands of distinct, plausible names.

var businessKinds = []string{
	"Comercial", "Distribuidora", "Ferretería", "Constructora", "Transportes",
	"Inversiones", "Servicios", "Agrícola", "Panificadora", "Farmacia",
	"Minimarket", "Restaurante", "Clínica", "Importadora", "Exportadora",
	"Librería", "Maderas", "Textil", "Imprenta", "Laboratorio", "Inmobiliaria",
	"Ingeniería", "Frigorífico", "Lácteos", "Supermercado", "Botillería",
	"Automotriz", "Repuestos", "Veterinaria", "Óptica", "Comercializadora",
	"Hotel", "Colegio", "Agroindustrial", "Pesquera", "Vitivinícola",
	"Logística", "Metalúrgica", "Plásticos", "Papelería", "Electricidad",
	"Climatización", "Seguridad", "Aseo Industrial", "Eventos", "Minera",
	"Ferretería Industrial", "Materiales", "Muebles", "Tecnología",
}

var businessCores = []string{
	"Los Andes", "del Pacífico", "San Martín", "Santa Rosa", "El Roble",
	"La Esperanza", "Los Aromos", "del Sur", "del Norte", "Cordillera",
	"Hermanos Pérez", "González e Hijos", "Valle Central", "La Frontera",
	"San José", "Santa Lucía", "El Progreso", "La Unión", "Los Robles",
	"Las Acacias", "Río Claro", "Monte Verde", "Punta Arenas", "El Alba",
	"Don Pedro", "Doña Carmen", "Tres Hermanos", "La Estrella", "Sol Naciente",
	"Nuevo Horizonte", "Los Pinos", "El Trébol", "San Francisco", "Altamira",
	"Bellavista", "El Mirador", "Los Olivos", "Las Palmas", "Mar Azul",
	"Tierra Fértil", "Buen Camino", "La Cosecha", "Alameda", "Costanera",
	"Andina", "Austral", "Central", "Metropolitana", "Pacífico Sur",
	"Rivera y Cía.", "Muñoz Hermanos", "Rojas y Asociados", "Díaz & Díaz",
	"Soto Ltda", "Vargas", "Castillo", "Herrera", "Morales", "Fuentes",
	"Núñez", "Araya", "Contreras", "Sepúlveda", "Espinoza", "Torres",
	"Ramírez", "Flores", "Reyes", "Gutiérrez", "Jiménez", "Mendoza",
	"Ortiz", "Salazar", "Cárdenas", "Aguilar", "Navarro", "Campos",
}

var firstNames = []string{
	"María", "José", "Juan", "Ana", "Luis", "Carmen", "Carlos", "Rosa",
	"Jorge", "Patricia", "Francisco", "Claudia", "Pedro", "Verónica",
	"Manuel", "Andrea", "Ricardo", "Paola", "Fernando", "Daniela",
	"Sergio", "Camila", "Rodrigo", "Valentina", "Alejandro", "Lorena",
	"Cristián", "Marcela", "Diego", "Gabriela", "Felipe", "Natalia",
	"Andrés", "Carolina", "Pablo", "Francisca", "Javier", "Isabel",
	"Héctor", "Sofía", "Raúl", "Mónica", "Tomás", "Beatriz", "Ignacio",
	"Alejandra", "Gonzalo", "Cecilia", "Mauricio", "Ximena",
}

var lastNames = []string{
	"González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras",
	"Silva", "Martínez", "Sepúlveda", "Morales", "Rodríguez", "López",
	"Fuentes", "Hernández", "Torres", "Araya", "Flores", "Espinoza",
	"Valenzuela", "Castillo", "Tapia", "Reyes", "Gutiérrez", "Castro",
	"Pizarro", "Álvarez", "Vásquez", "Sánchez", "Fernández", "Ramírez",
	"Carrasco", "Gómez", "Cortés", "Herrera", "Núñez", "Jara", "Vergara",
	"Rivera", "Figueroa", "García", "Ramos", "Medina", "Aguilar", "Vargas",
	"Mendoza", "Ortega", "Cruz", "Chávez", "Quispe",
}

var contactRoles = []string{
	"Tesorería", "Contabilidad", "Gerencia de Finanzas", "Pago a proveedores",
	"Administración", "Gerencia General", "Compras",
}

var segments = []string{
	"Mayorista", "Minorista", "Construcción", "Salud", "Horeca",
	"Industria", "Gobierno", "Educación", "Transporte", "Agro",
}

// legalSuffixes are the company forms of each country, most common first.
var legalSuffixes = map[string][]string{
	"CL": {"SpA", "Ltda.", "S.A.", "E.I.R.L."},
	"CO": {"S.A.S.", "Ltda.", "S.A.", "S. en C."},
	"MX": {"S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V.", "S.C."},
	"PE": {"S.A.C.", "E.I.R.L.", "S.R.L.", "S.A."},
	"AR": {"S.R.L.", "S.A.", "S.A.S.", "S.C."},
}

// company is the demo company of each country: whose receivables the portfolio holds.
var companies = map[string]struct{ name, legal, taxBody string }{
	"CL": {"Distribuidora Cordillera", "Distribuidora Cordillera SpA", "76543210"},
	"CO": {"Comercializadora del Valle", "Comercializadora del Valle S.A.S.", "900734512"},
	"MX": {"Abastecedora del Bajío", "Abastecedora del Bajío S.A. de C.V.", "ABA150312K4"},
	"PE": {"Importaciones Pacífico", "Importaciones Pacífico S.A.C.", "2060123456"},
	"AR": {"Distribuidora Río de la Plata", "Distribuidora Río de la Plata S.R.L.", "3071234567"},
}

// emailDomains end contacts' addresses per country.
var emailTLD = map[string]string{"CL": ".cl", "CO": ".com.co", "MX": ".com.mx", "PE": ".pe", "AR": ".com.ar"}
