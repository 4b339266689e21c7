/**
 * Texts of the evidence-tables notebook in Dutch and English.
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The evidence-tables notebook's dictionary. */
export const EVIDENCE_TABLES: Dictionary = {
  nl: {
    "plot.printed": "interval zoals gedrukt",
    "plot.flagged": "gemarkeerd door de controle",
    "plot.difference": "verschil (95%-BI)",
    "plot.responders": "responders (%)",
    "plot.nSeed": "n uit het bezwaar",
    "plot.nAssumed": "aangenomen n",
    "plot.noDen": "geen noemer",
    "plot.es": "|effectgrootte| (verbetering)",
    "plot.post": "na behandeling",
    "plot.12m": "12 maanden",
    "plot.smc": "SMC (symlog-as): mediaan (punt) en spreiding (lijn)",
    "plot.prepost": "voor-na",
    "plot.postfu": "na–laatste follow-up",
    "plot.prefu": "voor–laatste follow-up",
    "plot.cohorts": "cohorten (voor tot laatste follow-up)",
    "plot.fav": "+ gunstig",
    "plot.noeff": "+/− geen effect",
    "plot.unfav": "− ongunstig",
    "intro": `# Bewijstabellen van het VRA-bezwaar, als data

**Welk bewijs voor interdisciplinaire medisch-specialistische revalidatie (IMSR) haalt het bezwaar van de revalidatieartsen aan, en hoe zien de getallen eruit als data in plaats van als pdf?** Elk getal uit hoofdstuk 4 van het bezwaar (de tabellen met studies per behandelinsteek, de cohorttabel van Breugelmans 2024 in 4b, de reviewtabel met gestandaardiseerde gemiddelde veranderingen in 4c) en uit de Ronzi 2017-vergelijking in paragraaf 3b is een rij in de data van dit project, met paragraaf, tabel en referentienummer waar het staat.

Bron: VRA, *Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn* (2025), hoofdstuk 4 (tabellen 4a–4c) en paragraaf 3b (tabel met de PICO-vergelijking). Waar de tekstextractie van de pdf een getal verminkte (een minteken als "2", "P , 0.001" voor "P < 0.001") bevatten de data de gecorrigeerde waarde, de ruwe tekst en een toelichting. Wat het bezwaar niet vermeldt (zoals groepsgroottes) staat apart als aanname, nooit in de tabellen. Het notebook *Controle van het bewijs* controleert deze getallen op consistentie.`,
    "h.rct": `## De RCT-contrasten van hoofdstuk 4a

Gemiddelde verschillen met hun 95%-betrouwbaarheidsintervallen zoals gedrukt: Smeets 2006 (referentie 7; RDQ 0–24, PSC 0–100 en ervaren verbetering, elke actieve behandeling tegen wachtlijst en tegen de gecombineerde behandeling) en Den Hollander 2016 (referentie 18; graded exposure tegen gebruikelijke zorg bij CRPS-I). Elk instrument heeft een eigen paneel met een eigen schaal. Rode intervallen zijn door de controle gemarkeerd. Kies de uitkomsten.`,
    "input.outcomes": "Uitkomsten",
    "select.one": "Kies minstens één uitkomst.",
    "h.tables": `## Elke tabel, opnieuw opgebouwd uit de data

Kies een tabel. Bij gemiddelde verschillen zijn de afgeleide standaardfout, SE = (bovengrens − ondergrens) / (2 × 1,96), en de afgeleide tweezijdige p toegevoegd; bij tabel 4c staan de p-waarde van Cochrans Q en Higgins' I² = (Q − df) / Q naast de gedrukte waarden.`,
    "input.table": "Tabel",
    "table.source": "Bron: VRA-bezwaar (2025), paragraaf {section}, tabel “{title}”; {n} rijen.",
    "h.responders": `## Responderpercentages in hoofdstuk 4

Percentages responders zoals gedrukt, met Wilson-95%-intervallen waar het bezwaar het aantal patiënten noemt waarop het percentage betrekking heeft (Meesters 2016: 149 met voor- en nameting; Volker 2017: 137 na de behandeling, 120 na 24 maanden; Nicholas 2012: 567). Voor Leeuw 2008 noemt het bezwaar alleen het totaal van 85, dus gebruikt het interval de aanname van 42 EXP / 43 GA (de aantallen zijn uit de percentages gereconstrueerd; zie het notebook *Responders*). Breugelmans 2024 en Timmers 2021 noemen geen noemer en staan er zonder interval.`,
    "h.breugelmans": `## Breugelmans 2024: na de behandeling tegen 12 maanden (paragraaf 4b)

Effectgroottes van het cohort van 2309 patiënten, als absolute waarden zodat verbetering voor elk construct omhoog wijst (de effectgroottes van PDI, PSC en pijn zijn negatief gedrukt omdat lagere scores beter zijn). Het meeste van de winst aan het eind van de behandeling is een jaar later nog aanwezig.`,
    "h.smc": `## De reviewtabel met gestandaardiseerde gemiddelde veranderingen (paragraaf 4c)

Per uitkomstdomein en periode: de mediane SMC (punt; de grootte is het aantal cohorten N) en de spreiding (lijn). De as is symmetrisch-logaritmisch omdat drie spreidingen van sociaal functioneren tot 719, 1343 en 4400 standaarddeviaties reiken; de controle markeert die als onmogelijk voor een SMC. Daaronder de richting van het effect van voor de behandeling tot de laatste follow-up.`,
    "h.subgroups": `## Subgroepen en de PICO-vergelijking

De subgroepresultaten van 4c voor pijninterferentie (effectgrootte en p per niveau), en de vergelijking van de populatie van de Ronzi 2017-trial met Nederlandse IMSR-patiënten uit paragraaf 3b (lagere PCS/MCS is een slechtere kwaliteit van leven). De behandelduur in uren volgt uit de getallen van paragraaf 3b; Ronzi's dagen per week worden niet vermeld en zijn aangenomen:`,
    "dose.dutch": "Nederlandse IMSR: ",
    "dose.ronzi": "Ronzi 2017: ",
    "col.factor": "factor",
    "col.level": "niveau",
    "col.es": "effectgrootte",
    "col.p_op": "p-teken",
    "col.p_value": "p",
    "col.outcome": "uitkomst",
    "col.instrument": "instrument",
    "col.timepoint": "meetmoment",
    "col.statistic": "statistiek",
    "col.value": "waarde",
    "col.raw": "gedrukte tekst",
  },
  en: {
    "plot.printed": "interval as printed",
    "plot.flagged": "flagged by the audit",
    "plot.difference": "difference (95% CI)",
    "plot.responders": "responders (%)",
    "plot.nSeed": "n from the seed",
    "plot.nAssumed": "assumed n",
    "plot.noDen": "no denominator",
    "plot.es": "|effect size| (improvement)",
    "plot.post": "post",
    "plot.12m": "12 months",
    "plot.smc": "SMC (symlog axis): median (dot) and range (line)",
    "plot.prepost": "pre-post",
    "plot.postfu": "post-final follow-up",
    "plot.prefu": "pre-final follow-up",
    "plot.cohorts": "cohorts (pre to final follow-up)",
    "plot.fav": "+ favourable",
    "plot.noeff": "+/− no effect",
    "plot.unfav": "− unfavourable",
    "intro": `# Evidence tables of the VRA objection, as data

**What evidence does the rehabilitation physicians' objection cite for interdisciplinary medical-specialist rehabilitation (IMSR), and what do its numbers look like when they are data rather than a PDF?** Every number of chapter 4 of the objection (the tables of studies by treatment approach, the Breugelmans 2024 cohort table in 4b, the review table of standardised mean changes in 4c) and of the Ronzi 2017 comparison in section 3b is a row in this project's data, with the section, table and reference number where it is printed.

Source: VRA, *Objection to the Zorginstituut's draft position on IMSR for chronic pain* (Dutch: *Bezwaar op het conceptstandpunt*, 2025), chapter 4 (tables 4a–4c) and section 3b (the PICO comparison table). Where the PDF's text extraction garbled a number (a minus printed as "2", "P , 0.001" for "P < 0.001") the data hold the corrected value, the raw text and a note. Anything the objection does not state (such as group sizes) is kept apart as an assumption, never in the tables. The notebook *Auditing the evidence* checks these numbers for consistency.`,
    "h.rct": `## The RCT contrasts of chapter 4a

Mean differences with their 95% CIs as printed: Smeets 2006 (reference 7; RDQ 0–24, PSC 0–100 and self-perceived improvement, each active treatment versus waiting list and versus the combined treatment) and Den Hollander 2016 (reference 18; graded exposure versus treatment as usual in CRPS-I). Each instrument has its own panel on its own scale. Intervals in red are flagged by the audit. Choose the outcomes to show.`,
    "input.outcomes": "Outcomes",
    "select.one": "Select at least one outcome.",
    "h.tables": `## Every table, rebuilt from the data

Pick a table. For mean differences the implied standard error, SE = (upper − lower) / (2 × 1.96), and the implied two-sided p are added; for the 4c table the p-value of Cochran's Q and Higgins' I² = (Q − df) / Q are added next to the printed values.`,
    "input.table": "Table",
    "table.source": "Source: VRA objection (2025), section {section}, table “{title}”; {n} rows.",
    "h.responders": `## Responder rates reported in chapter 4

Percentages of responders as printed, with Wilson 95% intervals where the objection gives the number of patients the percentage refers to (Meesters 2016: 149 with pre–post data; Volker 2017: 137 post, 120 at 24 months; Nicholas 2012: 567). For Leeuw 2008 it gives only the total of 85, so the interval uses the labelled assumption of 42 EXP / 43 GA patients (the counts are reconstructed from the percentages; see the notebook *Responder rates*); Breugelmans 2024 and Timmers 2021 give no denominator and are shown without an interval.`,
    "h.breugelmans": `## Breugelmans 2024: post-treatment versus 12 months (section 4b)

Effect sizes of the 2309-patient cohort, as absolute values so that improvement points up for every construct (the PDI, PSC and pain effect sizes are printed negative because lower scores are better). Most of the gain at the end of treatment is still there a year later.`,
    "h.smc": `## The review table of standardised mean changes (section 4c)

Per outcome domain and period: the median SMC (dot; its size is the number of cohorts N) and the range (line). The axis is symmetric-logarithmic because three ranges of social functioning reach 719, 1343 and 4400 standard deviations; the audit flags those as impossible for an SMC. Below, the direction-of-effect counts from pre-treatment to the final follow-up.`,
    "h.subgroups": `## Subgroups and the PICO comparison

The 4c subgroup results for pain interference (effect size and p per level), and the comparison of the Ronzi 2017 trial population with Dutch IMSR patients from section 3b (lower PCS/MCS is worse quality of life). The treatment dose in hours follows from the numbers of section 3b; Ronzi's days per week are not stated and are assumed:`,
    "dose.dutch": "Dutch IMSR: ",
    "dose.ronzi": "Ronzi 2017: ",
    "col.factor": "factor",
    "col.level": "level",
    "col.es": "effect size",
    "col.p_op": "p sign",
    "col.p_value": "p",
    "col.outcome": "outcome",
    "col.instrument": "instrument",
    "col.timepoint": "time point",
    "col.statistic": "statistic",
    "col.value": "value",
    "col.raw": "printed text",
  },
};
