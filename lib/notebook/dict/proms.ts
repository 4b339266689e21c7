/**
 * Texts of the PROMs notebook (generic vs personalised PROMs) in Dutch and English.
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The PROMs notebook's dictionary. */
export const PROMS: Dictionary = {
  nl: {
    "intro": `# Generieke versus gepersonaliseerde PROM's

**Wat verbergt een generieke PROM dat een gepersonaliseerde PROM laat zien?** Het bezwaar van de VRA (*Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn*, 2025, paragraaf "O: uitkomst") stelt dat de Pain Disability Index (PDI) — 7 domeinen, de landelijke prestatie-indicator in het Behandelkader — het effect van een gepersonaliseerde behandeling *verdunt*: een patiënt met terugkeer naar werk als doel kan sterk verbeteren op 1 van de 7 vragen, wat "gemiddeld" een klein effect is. Gepersonaliseerde PROM's (Patiënt Specifieke Klachten / PSFS, COPM) vragen naar de eigen belangrijkste activiteiten van de patiënt. Het cohort van Breugelmans 2024 (bezwaar, tabel 4b) meldt een PDI-effectgrootte van −1,01 en PSK-effectgroottes van −1,59, −1,40 en −1,33 voor de drie activiteiten.

In dit model is de verdunning **aangenomen, niet emergent**: elke gesimuleerde patiënt heeft 7 levensdomeinen en prioriteert er k; IMSR verbetert *alleen die k domeinen*, en de 3 activiteiten van de PSK liggen precies daarin; de PDI telt alle 7 op. Wat het model toevoegt is de rekensom: hoe groot de verdunning is bij een gegeven k, hoeveel responders elk instrument telt, en hoeveel power een trial met dat instrument zou hebben.

**k is gekalibreerd, niet gekozen**: onder elk scenario van het PICO/PIO-notebook (\`data/designs/scenario-*.json\`) zijn k en het IMSR-effect zo gefit dat een gesimuleerd cohort de PDI-effectgrootte van Breugelmans (1,01) en de PSK-effectgrootte per activiteit (1,44, het gemiddelde van 1,59, 1,40 en 1,33) reproduceert *gegeven de vertekeningsmechanismen van dat scenario* (natuurlijk beloop, regressie naar het gemiddelde, verwachtingseffecten, response shift, uitval). Kies hieronder de premissen; de schuifregelaars beginnen bij de gekalibreerde waarden van dat scenario en laten u eromheen verkennen. De MCID's (die van de PDI uit \`data/instruments.csv\`) staan onder de tabel.`,
    "input.premises": "Premissen (scenario)",
    "scenario.sceptical": "sceptisch",
    "scenario.literature-neutral": "literatuur-neutraal",
    "scenario.vra-premises": "VRA-premissen",
    "input.k": "Domeinen die een patiënt belangrijk vindt (k van 7)",
    "input.effect": "IMSR-effect (punten per geprioriteerd domein, schaal 0–10)",
    "input.n": "Patiënten per studie (n)",
    "h.table": `## Eén cohort, twee instrumenten

Gestandaardiseerde gemiddelde verandering (SMCR: gemiddelde verandering / SD bij aanvang, verbetering positief), aandeel responders (verbetering ≥ MCID) en de power van een wachtlijst-RCT van dezelfde omvang, geanalyseerd met ANCOVA, elk met zijn Monte-Carlo-SE. Het "aandeel responders door IMSR" trekt de responders af die meetfout alleen al zou opleveren. Onder scenario's met vertekeningsmechanismen bevat de verandering van het cohort die mechanismen (natuurlijk beloop, regressie naar het gemiddelde, verwachting, response shift — groter op de zelfgekozen doelen van de PSK): de SMC-kolom is wat een cohort zou *waarnemen*, niet het effect van IMSR.`,
    "row.pdi": "PDI (generiek, 7 domeinen)",
    "row.psc": "PSK (gepersonaliseerd, eigen 3 activiteiten)",
    "series.pdi": "PDI (generiek)",
    "series.psc": "PSK (gepersonaliseerd)",
    "published.pdi": "ES 1,01; 59,8% responders",
    "published.psc": "ES 1,59 / 1,40 / 1,33 per activiteit",
    "col.instrument": "instrument",
    "col.smc": "SMC (gesimuleerd) ± MCSE",
    "col.responders": "responders %",
    "col.respondersImsr": "responders door IMSR %",
    "col.power": "power RCT (ANCOVA) ± MCSE",
    "col.published": "Breugelmans 2024 (gepubliceerd)",
    "dilution":
      "Bij k = {k} toont de PDI {pct}% van het gestandaardiseerde effect dat de PSK toont (analytisch, uit het model; een aanname van het model, zie boven). Responder = verbetering ≥ MCID: PDI {pdiMcid} punten ({unverified}{source}), PSK {pscMcid} punten (aanname). ",
    "unverified": "niet geverifieerd; ",
    "status.final": "Definitief antwoord: {reps} replicaties.",
    "status.first": "Eerste antwoord: {reps} replicaties — wordt verfijnd in Web Workers…",
    "h.dilution": `## Verdunning naar het aantal domeinen dat een patiënt belangrijk vindt

De gesimuleerde gestandaardiseerde gemiddelde verandering op elk instrument voor k = 1 … 7 (cohort van de omvang hierboven, 300 replicaties per punt, ±2 Monte-Carlo-SE). Per constructie toont de PDI een fractie van wat de PSK toont wanneer patiënten om weinig domeinen geven; wanneer ze om alle zeven geven toont de generieke PROM meer (ze telt meer items op). De gekalibreerde k van het gekozen scenario ligt waar de PDI-curve Breugelmans' 1,01 raakt.`,
    "waiting": "Wacht tot de tabel hierboven klaar is…",
    "plot.x": "Domeinen die de patiënt prioriteert (k van 7)",
    "plot.y": "Gestandaardiseerde gemiddelde verandering (SMCR)",
    "notes": `## Opmerkingen

- Dit is een model van het argument, geen bewijs ervoor: het laat zien wat er *volgt* als patiënten k domeinen prioriteren en IMSR die verbetert; of ze dat doen is een empirische vraag die het bezwaar "voorlopig/afgeleid" noemt.
- De zekerheidsinschatting van "PICO of PIO?" beoordeelt indirectheid naar de vergelijking, de populatie en de uitkomst, niet naar deze gemodelleerde verdunning.
- Zelfde seed, zelfde getallen, hoeveel workers er ook zijn. Dezelfde declaraties draaien op de opdrachtregel: \`deno task simulate data/designs/dispute.json\`.`,
  },
  en: {
    "intro": `# Generic vs personalised PROMs

**What does a generic PROM hide that a personalised PROM shows?** The VRA's objection (*Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn*, 2025, section "O: outcome") argues that the Pain Disability Index (PDI) — 7 domains, the national performance indicator in the Behandelkader — *dilutes* the effect of a personalised treatment: a patient whose goal is to return to work may improve a lot on 1 of the 7 questions, which is "on average" a small effect. Personalised PROMs (Patient Specific Complaints / PSFS, COPM) ask about the patient's own most important activities. The Breugelmans 2024 cohort (objection, table 4b) reports a PDI effect size of −1.01 and PSC effect sizes of −1.59, −1.40 and −1.33 for the three activities.

In this model the dilution is **assumed, not emergent**: each simulated patient has 7 life domains and prioritises k of them; IMSR improves *those k domains* only, and the PSC's 3 activities are placed exactly in them; the PDI sums all 7. What the model adds is the arithmetic: how large the dilution is for a given k, how many responders each instrument counts, and how much power a trial using it would have.

**k is calibrated, not chosen**: under each scenario of the PICO/PIO notebook (\`data/designs/scenario-*.json\`) k and the IMSR effect are fitted so that a simulated cohort reproduces Breugelmans' PDI effect size (1.01) and per-activity PSC effect size (1.44, the mean of 1.59, 1.40, 1.33) *given that scenario's bias mechanisms* (natural course, regression to the mean, expectation effects, response shift, attrition). Pick the premises below; the sliders start at that scenario's calibrated values and let you explore around them. The MCIDs (the PDI's from \`data/instruments.csv\`) are listed under the table.`,
    "input.premises": "Premises (scenario)",
    "scenario.sceptical": "sceptical",
    "scenario.literature-neutral": "literature-neutral",
    "scenario.vra-premises": "vra-premises",
    "input.k": "Domains a patient cares about (k of 7)",
    "input.effect": "IMSR effect (points per prioritised domain, 0–10 scale)",
    "input.n": "Patients per study (n)",
    "h.table": `## One cohort, two instruments

Standardised mean change (SMCR: mean change / baseline SD, improvement positive), share of responders (improvement ≥ MCID) and the power of a waiting-list RCT of the same size analysed with ANCOVA, each with its Monte Carlo SE. The "share of responders due to IMSR" subtracts the responders that measurement error alone would produce. Under scenarios with bias mechanisms the cohort's change includes them (natural course, regression to the mean, expectation, response shift — larger on the PSC's self-chosen goals): the SMC column is what a cohort would *observe*, not the effect of IMSR.`,
    "row.pdi": "PDI (generic, 7 domains)",
    "row.psc": "PSC (personalised, own 3 activities)",
    "series.pdi": "PDI (generic)",
    "series.psc": "PSC (personalised)",
    "published.pdi": "ES 1.01; 59.8% responders",
    "published.psc": "ES 1.59 / 1.40 / 1.33 per activity",
    "col.instrument": "instrument",
    "col.smc": "SMC (simulated) ± MCSE",
    "col.responders": "responders %",
    "col.respondersImsr": "responders due to IMSR %",
    "col.power": "RCT power (ANCOVA) ± MCSE",
    "col.published": "Breugelmans 2024 (published)",
    "dilution":
      "With k = {k}, the PDI shows {pct}% of the standardised effect the PSC shows (analytic, from the model; an assumption of the model, see above). Responder = improvement ≥ MCID: PDI {pdiMcid} points ({unverified}{source}), PSC {pscMcid} points (assumption). ",
    "unverified": "unverified; ",
    "status.final": "Final answer: {reps} replications.",
    "status.first": "First answer: {reps} replications — refining in Web Workers…",
    "h.dilution": `## Dilution by the number of domains a patient cares about

The simulated standardised mean change on each instrument for k = 1 … 7 (cohort of the size above, 300 replications per point, ±2 Monte Carlo SE). By construction, when patients care about few domains the PDI shows a fraction of what the PSC shows; when they care about all seven the generic PROM shows more (it sums more items). The calibrated k of the selected scenario is where the PDI curve meets Breugelmans' 1.01.`,
    "waiting": "Waiting for the table above to finish…",
    "plot.x": "Domains the patient prioritises (k of 7)",
    "plot.y": "Standardised mean change (SMCR)",
    "notes": `## Notes

- This is a model of the argument, not evidence for it: it shows what *follows* if patients prioritise k domains and IMSR improves those; whether they do is an empirical question the objection calls "preliminary/derived".
- The certainty readout of "PICO or PIO?" judges indirectness from the comparator, the population and the outcome, not from this modelled dilution.
- Same seed, same numbers, whatever the number of workers. The same declarations run from the command line: \`deno task simulate data/designs/dispute.json\`.`,
  },
};
