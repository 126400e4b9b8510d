/**
 * Words a Swiss/EU small-business ledger is made of: vendors, what they sell, what people note down.
 * Only used to generate benchmark and test ledgers.
 */

export type CategoryKey =
  | 'office_supplies'
  | 'software'
  | 'hardware'
  | 'rent'
  | 'telecom'
  | 'travel'
  | 'vehicle'
  | 'meals'
  | 'marketing'
  | 'professional'
  | 'insurance'
  | 'bank_fees'
  | 'goods'
  | 'training'
  | 'taxes'
  | 'other';

export type Country = 'CH' | 'DE' | 'FR' | 'AT' | 'IT' | 'GB' | 'US' | 'IE' | 'NL';

/** name, category, country, share of invoices (vs receipts), median gross in CHF. */
export type KnownVendor = readonly [name: string, category: CategoryKey, country: Country, invoiceShare: number, median: number];

/** Ordered roughly by how often a small Swiss business sees them: the head of the Zipf curve. */
export const KNOWN_VENDORS: readonly KnownVendor[] = [
  ['Migros', 'meals', 'CH', 0, 28],
  ['Coop', 'office_supplies', 'CH', 0, 32],
  ['SBB CFF FFS', 'travel', 'CH', 0, 45],
  ['Swisscom (Schweiz) AG', 'telecom', 'CH', 0.9, 89],
  ['Digitec Galaxus AG', 'hardware', 'CH', 0.3, 180],
  ['Google Ireland Ltd', 'software', 'IE', 0.95, 25],
  ['Amazon EU S.à r.l.', 'office_supplies', 'DE', 0.4, 60],
  ['Microsoft Ireland Operations Ltd', 'software', 'IE', 0.95, 45],
  ['Starbucks', 'meals', 'CH', 0, 9],
  ['Shell', 'vehicle', 'CH', 0, 85],
  ['Denner', 'meals', 'CH', 0, 22],
  ['Adobe Systems Software Ireland', 'software', 'IE', 0.95, 70],
  ['Post CH AG', 'other', 'CH', 0.3, 12],
  ['Apple Distribution International', 'software', 'IE', 0.6, 15],
  ['Lidl Schweiz', 'meals', 'CH', 0, 25],
  ['Aldi Suisse AG', 'meals', 'CH', 0, 24],
  ['Manor AG', 'office_supplies', 'CH', 0, 55],
  ['Brack.ch AG', 'hardware', 'CH', 0.3, 150],
  ['Interdiscount', 'hardware', 'CH', 0.1, 120],
  ['MediaMarkt', 'hardware', 'CH', 0.1, 140],
  ['Office World AG', 'office_supplies', 'CH', 0.2, 45],
  ['Lyreco Switzerland AG', 'office_supplies', 'CH', 0.8, 120],
  ['Sunrise GmbH', 'telecom', 'CH', 0.9, 79],
  ['Salt Mobile SA', 'telecom', 'CH', 0.9, 49],
  ['Atlassian Pty Ltd', 'software', 'US', 1, 120],
  ['Slack Technologies', 'software', 'US', 1, 80],
  ['Zoom Video Communications', 'software', 'US', 1, 16],
  ['GitHub Inc', 'software', 'US', 1, 21],
  ['JetBrains s.r.o.', 'software', 'DE', 1, 25],
  ['Figma Inc', 'software', 'US', 1, 45],
  ['Notion Labs Inc', 'software', 'US', 1, 10],
  ['Dropbox International', 'software', 'IE', 1, 12],
  ['Infomaniak Network SA', 'software', 'CH', 1, 19],
  ['Hostpoint AG', 'software', 'CH', 1, 15],
  ['Hetzner Online GmbH', 'software', 'DE', 1, 40],
  ['Bexio AG', 'software', 'CH', 1, 45],
  ['Avia Tankstelle', 'vehicle', 'CH', 0, 80],
  ['Socar Energy Switzerland', 'vehicle', 'CH', 0, 78],
  ['Migrol AG', 'vehicle', 'CH', 0, 82],
  ['BP Europa SE', 'vehicle', 'DE', 0, 70],
  ['Mobility Genossenschaft', 'vehicle', 'CH', 0.7, 65],
  ['Uber B.V.', 'travel', 'NL', 0, 28],
  ['Swiss International Air Lines', 'travel', 'CH', 0.2, 420],
  ['easyJet Airline Company', 'travel', 'GB', 0, 140],
  ['Lufthansa', 'travel', 'DE', 0.2, 380],
  ['Deutsche Bahn AG', 'travel', 'DE', 0, 90],
  ['SNCF Voyageurs', 'travel', 'FR', 0, 85],
  ['Booking.com B.V.', 'travel', 'NL', 0.5, 190],
  ['Hotel Schweizerhof Bern', 'travel', 'CH', 0.4, 260],
  ['Ibis Budget', 'travel', 'FR', 0.2, 95],
  ['ZVV Zürcher Verkehrsverbund', 'travel', 'CH', 0, 8],
  ['BLS AG', 'travel', 'CH', 0, 30],
  ['PostAuto AG', 'travel', 'CH', 0, 12],
  ['McDonald\u2019s Suisse', 'meals', 'CH', 0, 16],
  ['Tibits AG', 'meals', 'CH', 0, 24],
  ['Hiltl AG', 'meals', 'CH', 0, 48],
  ['Confiserie Sprüngli AG', 'meals', 'CH', 0, 35],
  ['Restaurant Bären', 'meals', 'CH', 0, 68],
  ['Zum Grünen Baum', 'meals', 'CH', 0, 72],
  ['Vapiano', 'meals', 'DE', 0, 31],
  ['Dean & David', 'meals', 'CH', 0, 19],
  ['Pret A Manger', 'meals', 'GB', 0, 11],
  ['Café Schober', 'meals', 'CH', 0, 14],
  ['AXA Versicherungen AG', 'insurance', 'CH', 1, 850],
  ['Zurich Versicherungs-Gesellschaft AG', 'insurance', 'CH', 1, 1200],
  ['Helvetia Versicherungen', 'insurance', 'CH', 1, 640],
  ['Die Mobiliar', 'insurance', 'CH', 1, 720],
  ['Allianz Suisse', 'insurance', 'CH', 1, 560],
  ['Baloise Versicherung AG', 'insurance', 'CH', 1, 480],
  ['UBS Switzerland AG', 'bank_fees', 'CH', 0.9, 15],
  ['PostFinance AG', 'bank_fees', 'CH', 0.9, 8],
  ['Raiffeisen Schweiz', 'bank_fees', 'CH', 0.9, 10],
  ['Zürcher Kantonalbank', 'bank_fees', 'CH', 0.9, 12],
  ['PayPal Europe S.à r.l.', 'bank_fees', 'IE', 0.9, 6],
  ['Stripe Payments Europe', 'bank_fees', 'IE', 0.9, 18],
  ['SumUp Payments Ltd', 'bank_fees', 'GB', 0.9, 9],
  ['Wise Europe SA', 'bank_fees', 'GB', 0.9, 4],
  ['Google Ads', 'marketing', 'IE', 1, 300],
  ['Meta Platforms Ireland', 'marketing', 'IE', 1, 220],
  ['LinkedIn Ireland', 'marketing', 'IE', 1, 180],
  ['Vistaprint B.V.', 'marketing', 'NL', 0.7, 95],
  ['Flyerline Schweiz AG', 'marketing', 'CH', 0.8, 140],
  ['APG|SGA Allgemeine Plakatgesellschaft', 'marketing', 'CH', 1, 1800],
  ['Goldbach Media AG', 'marketing', 'CH', 1, 2400],
  ['Udemy Ireland Ltd', 'training', 'IE', 0.5, 18],
  ['Coursera Inc', 'training', 'US', 0.8, 49],
  ['Digicomp Academy AG', 'training', 'CH', 1, 1450],
  ['Klubschule Migros', 'training', 'CH', 0.7, 380],
  ['ZHAW Weiterbildung', 'training', 'CH', 1, 2900],
  ['Orell Füssli Thalia AG', 'training', 'CH', 0.1, 45],
  ['Eidgenössische Steuerverwaltung ESTV', 'taxes', 'CH', 1, 3200],
  ['Kantonales Steueramt Zürich', 'taxes', 'CH', 1, 4200],
  ['Strassenverkehrsamt Kanton Zürich', 'taxes', 'CH', 1, 420],
  ['Bundesamt für Zoll und Grenzsicherheit BAZG', 'taxes', 'CH', 1, 85],
  ['Handelsregisteramt', 'taxes', 'CH', 1, 120],
  ['Serafe AG', 'taxes', 'CH', 1, 235],
  ['ewz Elektrizitätswerk der Stadt Zürich', 'rent', 'CH', 1, 160],
  ['IWB Industrielle Werke Basel', 'rent', 'CH', 1, 140],
  ['Energie Wasser Bern', 'rent', 'CH', 1, 150],
  ['Axpo Solutions AG', 'rent', 'CH', 1, 220],
  ['BKW Energie AG', 'rent', 'CH', 1, 180],
  ['Romande Energie SA', 'rent', 'CH', 1, 170],
  ['Livit AG Real Estate Management', 'rent', 'CH', 1, 2600],
  ['Wincasa AG', 'rent', 'CH', 1, 2400],
  ['Ikea AG', 'office_supplies', 'CH', 0.1, 210],
  ['Jumbo-Markt AG', 'office_supplies', 'CH', 0, 65],
  ['Hornbach Baumarkt', 'office_supplies', 'CH', 0, 90],
  ['Bauhaus', 'office_supplies', 'DE', 0, 75],
  ['Papeterie Zumstein', 'office_supplies', 'CH', 0, 38],
  ['Prodega Cash+Carry', 'goods', 'CH', 0.4, 480],
  ['Transgourmet Schweiz AG', 'goods', 'CH', 0.9, 1350],
  ['Saviva AG', 'goods', 'CH', 0.9, 900],
  ['Metro Cash & Carry', 'goods', 'DE', 0.6, 650],
  ['Alibaba.com Singapore', 'goods', 'US', 1, 1100],
  ['Rewe Markt GmbH', 'meals', 'DE', 0, 27],
  ['Edeka', 'meals', 'DE', 0, 25],
  ['dm-drogerie markt', 'other', 'DE', 0, 19],
  ['Rossmann', 'other', 'DE', 0, 17],
  ['Carrefour', 'meals', 'FR', 0, 34],
  ['Monoprix', 'meals', 'FR', 0, 22],
  ['Esselunga', 'meals', 'IT', 0, 30],
  ['Billa AG', 'meals', 'AT', 0, 24],
  ['Hofer KG', 'meals', 'AT', 0, 23],
  ['Tesco Stores Ltd', 'meals', 'GB', 0, 21],
  ['Boots UK', 'other', 'GB', 0, 14],
  ['Fleurop-Interflora', 'other', 'CH', 0.2, 75],
  ['Canva Pty Ltd', 'software', 'US', 1, 13],
  ['Mailchimp', 'software', 'US', 1, 35],
  ['1Password', 'software', 'US', 1, 8],
  ['Amazon Web Services EMEA', 'software', 'IE', 1, 140],
  ['DigitalOcean LLC', 'software', 'US', 1, 24],
  ['OpenAI Ireland Ltd', 'software', 'IE', 1, 22],
  ['Abacus Research AG', 'software', 'CH', 1, 160],
  ['Steg Electronics AG', 'hardware', 'CH', 0.2, 220],
  ['Conrad Electronic AG', 'hardware', 'CH', 0.3, 85],
  ['Apple Store Bahnhofstrasse', 'hardware', 'CH', 0, 1450],
  ['Fust AG', 'hardware', 'CH', 0.1, 380],
];

export const FAMILY_NAMES = [
  'Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Schneider', 'Meyer', 'Steiner', 'Fischer', 'Gerber', 'Brunner',
  'Baumann', 'Frei', 'Zimmermann', 'Moser', 'Widmer', 'Wyss', 'Graf', 'Roth', 'Favre', 'Rochat', 'Rossi', 'Bianchi',
  'Dubois', 'Bernasconi', 'Kälin', 'Bühler', 'Lüthi', 'Zürcher', 'Häfliger', 'Ammann', 'Hofmann', 'Suter', 'Marti', 'Egli',
];

/** Trades with what they bill for: [trade word, category, invoice share, median CHF]. */
export const TRADES: ReadonlyArray<readonly [string, CategoryKey, number, number]> = [
  ['Treuhand', 'professional', 1, 1400],
  ['Advokatur', 'professional', 1, 2200],
  ['Steuerberatung', 'professional', 1, 900],
  ['Consulting', 'professional', 1, 3200],
  ['Architektur', 'professional', 1, 4800],
  ['Informatik', 'professional', 0.9, 1800],
  ['Druckerei', 'marketing', 0.8, 450],
  ['Grafik', 'marketing', 1, 1200],
  ['Bäckerei', 'meals', 0, 14],
  ['Metzgerei', 'meals', 0, 38],
  ['Catering', 'meals', 0.7, 850],
  ['Garage', 'vehicle', 0.7, 640],
  ['Carrosserie', 'vehicle', 0.9, 1900],
  ['Elektro', 'rent', 0.9, 780],
  ['Sanitär', 'rent', 0.9, 950],
  ['Reinigung', 'rent', 0.9, 420],
  ['Malerei', 'rent', 1, 2300],
  ['Schreinerei', 'office_supplies', 0.9, 2100],
  ['Gartenbau', 'rent', 0.9, 680],
  ['Transport', 'goods', 0.9, 520],
  ['Optik', 'other', 0.2, 420],
  ['Apotheke', 'other', 0, 35],
  ['Buchhandlung', 'training', 0.1, 48],
  ['Velo', 'vehicle', 0.3, 160],
  ['Weinhandlung', 'meals', 0.4, 180],
  ['Papeterie', 'office_supplies', 0.1, 42],
  ['Kurierdienst', 'other', 0.9, 65],
  ['Übersetzungen', 'professional', 1, 650],
];

export const LEGAL_FORMS_BY_COUNTRY: Record<Country, readonly string[]> = {
  CH: ['AG', 'GmbH', 'SA', 'Sàrl', '& Co.', ''],
  DE: ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.', ''],
  FR: ['SARL', 'SAS', 'SA', ''],
  AT: ['GmbH', 'KG', 'AG', ''],
  IT: ['S.r.l.', 'S.p.A.', ''],
  GB: ['Ltd', 'LLP', 'plc'],
  US: ['Inc', 'LLC', 'Corp'],
  IE: ['Ltd', 'DAC'],
  NL: ['B.V.', 'N.V.'],
};

export const CITIES: Record<Country, readonly string[]> = {
  CH: ['Zürich', 'Bern', 'Basel', 'Luzern', 'Winterthur', 'St. Gallen', 'Lausanne', 'Genève', 'Lugano', 'Zug', 'Aarau', 'Thun', 'Chur', 'Olten', 'Baden'],
  DE: ['Berlin', 'München', 'Hamburg', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Freiburg im Breisgau', 'Konstanz'],
  FR: ['Paris', 'Lyon', 'Annecy', 'Mulhouse', 'Strasbourg'],
  AT: ['Wien', 'Innsbruck', 'Salzburg', 'Bregenz'],
  IT: ['Milano', 'Como', 'Torino'],
  GB: ['London', 'Manchester', 'Edinburgh'],
  US: ['San Francisco', 'Seattle', 'New York', 'Wilmington'],
  IE: ['Dublin', 'Cork'],
  NL: ['Amsterdam', 'Rotterdam', 'Utrecht'],
};

export const STREETS = ['Bahnhofstrasse', 'Hauptstrasse', 'Dorfstrasse', 'Industriestrasse', 'Seestrasse', 'Rue du Marché', 'Poststrasse', 'Kirchgasse', 'Marktplatz', 'Via Cantonale'];

export const ITEMS: Record<CategoryKey, readonly string[]> = {
  office_supplies: ['Druckerpapier A4', 'Toner', 'Ordner', 'Kugelschreiber', 'Post-it', 'Briefumschläge', 'Büromaterial', 'Notizblöcke', 'Klebeband', 'Fournitures de bureau', 'printer paper', 'Hefter', 'Whiteboard Marker', 'Bürostuhl', 'Schreibtischlampe'],
  software: ['subscription', 'Abo', 'licence', 'Lizenz', 'cloud storage', 'hosting', 'domain renewal', 'annual plan', 'team seats', 'API usage', 'workspace', 'backup storage', 'Premium plan'],
  hardware: ['Laptop', 'Monitor 27 Zoll', 'USB-C Dock', 'Tastatur', 'Maus', 'SSD 1TB', 'Headset', 'Drucker', 'iPhone', 'Ladekabel', 'Webcam', 'Festplatte', 'Router', 'iPad'],
  rent: ['Miete Büro', 'Nebenkosten', 'Strom', 'Wasser', 'Heizkosten', 'Parkplatz', 'Reinigung Büro', 'loyer', 'electricity', 'Hauswartung', 'Reparatur'],
  telecom: ['Mobile Abo', 'Internet', 'Festnetz', 'Roaming', 'data plan', 'Glasfaser', 'Business Internet', 'SIM Karte'],
  travel: ['Zugticket', 'Halbtax', 'Generalabonnement', 'Flug', 'Hotel', 'Taxi', 'Übernachtung', 'billet de train', 'flight', 'hotel night', 'Parking', 'Tageskarte', 'Sparbillett', 'Mietwagen'],
  vehicle: ['Benzin', 'Diesel', 'Tanken', 'Service', 'Reifenwechsel', 'Autobahnvignette', 'Parkgebühr', 'Waschanlage', 'carburant', 'Ölwechsel', 'Motorfahrzeugkontrolle', 'Ladestation'],
  meals: ['Mittagessen', 'Geschäftsessen', 'Kaffee', 'Apéro', 'lunch with client', 'team dinner', 'Znüni', 'Sandwich', 'repas d\u2019affaires', 'Gipfeli', 'Getränke', 'Kundenessen', 'Teamevent'],
  marketing: ['Ads campaign', 'Flyer', 'Visitenkarten', 'Inserat', 'Sponsoring', 'Messestand', 'social media ads', 'Plakat', 'Broschüren', 'Werbegeschenke', 'Newsletter'],
  professional: ['Buchhaltung', 'Steuerberatung', 'Rechtsberatung', 'Beratung', 'Treuhand Mandat', 'Revision', 'consulting', 'Notariat', 'Jahresabschluss', 'Lohnbuchhaltung', 'Gutachten'],
  insurance: ['Betriebshaftpflicht', 'Sachversicherung', 'Krankentaggeld', 'UVG Prämie', 'Rechtsschutz', 'Fahrzeugversicherung', 'Cyberversicherung'],
  bank_fees: ['Kontoführung', 'Transaktionsgebühren', 'Kartengebühr', 'Fremdwährungsgebühr', 'payout fees', 'Jahresgebühr', 'Zahlungsverkehr'],
  goods: ['Warenbezug', 'Handelsware', 'Rohmaterial', 'Verpackung', 'wholesale order', 'Lieferung', 'Getränkelieferung', 'Ersatzteile'],
  training: ['Kurs', 'Weiterbildung', 'Seminar', 'Konferenz Ticket', 'Workshop', 'Online course', 'Fachbuch', 'Zertifizierung'],
  taxes: ['MWST Abrechnung', 'Gebühren', 'Zoll', 'Verkehrssteuer', 'Handelsregister', 'Bewilligung', 'Radio TV Abgabe', 'Einfuhrabgaben'],
  other: ['Diverses', 'Geschenk', 'Spende', 'Blumen', 'Postgebühren', 'Porto', 'Reinigung', 'Kopien', 'Schlüssel'],
};

export const NOTE_SENTENCES = [
  'Bezahlt mit Firmenkarte',
  'Beleg nachgereicht',
  'Reimbursed to employee via payroll',
  'Split with client, see email',
  'Rückfrage an Lieferant offen',
  'Teilzahlung, Rest folgt',
  'Quittung schwer lesbar, Betrag geprüft',
  'Vorsteuer zurückgefordert',
  'Im Auftrag von Kunde',
  'Jahresabo, verteilt über zwölf Monate',
  'Bitte mit Projektbudget verrechnen',
  'Payé en espèces',
  'Gutschrift erwartet',
  'Duplicate of paper receipt in folder',
  'Messe Vorbereitung',
  'Kundentermin in Basel',
  'Offsite workshop with the team',
  'Ersatz für defektes Gerät',
  'Preis inkl. Lieferung',
  'Angebot verglichen, günstigster Anbieter',
];

export const DESCRIPTION_WORDS = [
  'für', 'das', 'Projekt', 'Büro', 'Kunde', 'Team', 'monatlich', 'jährlich', 'quarterly', 'invoice', 'Rechnung', 'Lieferung',
  'Bestellung', 'order', 'renewal', 'Verlängerung', 'Standort', 'Filiale', 'Zürich', 'Bern', 'Basel', 'Workshop', 'Meeting',
  'Sitzung', 'Einkauf', 'Material', 'Service', 'Wartung', 'support', 'update', 'Anpassung', 'Ersatz', 'neue', 'zusätzliche',
  'Mitarbeiter', 'Kollegin', 'Reise', 'Messe', 'Konferenz', 'Präsentation', 'Offerte', 'Auftrag', 'Mandat', 'Abschluss',
];

export const PROJECTS = [
  'Website Relaunch', 'Alpha', 'Migration Cloud', 'Kunde Keller', 'Messe Bern', 'Rebranding', 'ERP Einführung', 'Filiale Luzern',
  'Onboarding', 'Q4 Kampagne', 'Pilot Genève', 'Expansion DE', 'Büroumzug', 'Jubiläum', 'App v2', 'Audit',
];

export const CUSTOMERS = [
  'Keller Immobilien AG', 'Stadt Winterthur', 'Brunner Logistik GmbH', 'Hotel Alpenblick', 'Fischer & Partner', 'Praxis Dr. Huber',
  'Gemeinde Küsnacht', 'Velo Widmer', 'Rossi Costruzioni SA', 'Zürcher Kunsthaus', 'Steiner Metallbau AG', 'Café Central',
];

/** Ordered from the most to the least used (a Zipf curve over this list). */
export const TAG_NAMES = [
  'reimbursable', 'client-billable', 'q4', 'travel-expenses', 'recurring', 'home-office', 'project-alpha', 'conference',
  'equipment', 'team-event', 'marketing-2024', 'vat-check', 'foreign-currency', 'needs-review', 'annual', 'website',
  'kunde-keller', 'messe-bern', 'onboarding', 'training-budget', 'car', 'phone', 'gift', 'hardware-refresh', 'zurich-office',
  'basel-office', 'audit-2023', 'expansion-de', 'app-v2', 'rebranding', 'pilot-geneve', 'petty-cash', 'mileage', 'donation',
  'subscription', 'one-off', 'warranty', 'insurance-claim', 'deposit', 'jubilee',
];
