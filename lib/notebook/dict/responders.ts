/**
 * Texts of the responders notebook (responder rates implied by effect sizes, EXP versus GA,
 * pooled responder rates) in Dutch and English. The engine's own sentences (warnings, reasons,
 * labels, NNT intervals) are in the message catalogue (`messages_nl.ts`, `translateMessage`).
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The responders notebook's dictionary. */
export const RESPONDERS: Dictionary = {
  nl: {
    "intro": `# Responderpercentages

**Passen de responderpercentages in het bezwaar van de VRA bij de effectgroottes die ernaast staan, en hoe zeker is het verschil tussen exposure in vivo (EXP) en graded activity (GA)?** Een responder verbetert minstens met het minimaal klinisch relevante verschil (MCID). Als veranderingsscores ongeveer normaal verdeeld zijn, volgt het aandeel responders uit de gemiddelde verandering, de SD van de verandering en de MCID (Furukawa et al. 2005): Φ((gemiddelde verbetering − MCID) / SD van de verandering).

Bronnen: VRA, *Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn* (2025), hoofdstuk 4: Breugelmans 2024 (paragraaf 4b, de tabel van het cohort), Volker 2017, Meesters 2016 en Nicholas 2012 (paragraaf 4a, tabel "CBT"), Leeuw 2008 (paragraaf 4a, tabel "Exposure in vivo"). Furukawa TA, Akechi T, Wagenpfeil S, Leucht S (2005) *Int Clin Psychopharmacol* 20:49–52; Newcombe RG (1998) *Stat Med* 17:857 en 17:873 (intervallen); Altman DG (1998) *BMJ* 317:1309 (NNT-intervallen); Norman GR et al. (2003) *Med Care* 41:582 (een halve SD als gangbare MCID).

De tabel toont eerst de gepubliceerde getallen. De effectgroottes zijn gestandaardiseerd (in SD-eenheden), dus de MCID en de SD van de verandering hieronder zijn ook in SD-eenheden. Standaardwaarden: MCID = 0,5 SD, SD van de verandering = 1 × de SD waarmee de effectgrootte is gestandaardiseerd; beide zijn aannames (vermeld in het aannamebestand van het project, \`data/evidence/assumptions.csv\`), geen gegevens.`,
    "input.mcid": "MCID (SD-eenheden)",
    "input.sdRatio": "SD van de verandering (× SD)",
    "col.source": "Bron",
    "col.es": "ES (gedrukt)",
    "col.reported": "Responders (gedrukt)",
    "col.implied": "Afgeleid (normaal)",
    "col.mcidFits": "MCID (SD) die past",
    "series.reported": "gedrukt",
    "series.implied": "afgeleid uit de ES",
    "plot.responders": "responders (%)",
    "h.leeuw":
      `Met een MCID van een halve SD en een SD van de verandering gelijk aan de standaardiseerder impliceert een effectgrootte van ongeveer 1 zo'n 69% responders, meer dan de 59,8% die voor de PDI in Breugelmans 2024 is gedrukt; de kolom "MCID (SD) die past" laat zien welke MCID het gedrukte percentage zou reproduceren. Voor het arbeidsvermogen na 12 maanden (ES 0,97, 52,8% responders) is die MCID 0,9 SD, bijna de hele gemiddelde verbetering: of het respondercriterium was streng, of de veranderingsscores zijn verre van normaal verdeeld.

## EXP tegenover GA (Leeuw 2008)

Het bezwaar geeft alleen responderpercentages op de PSK (EXP 51% na afloop en 63% na 12 maanden; GA 58% en 51%) en een totaal van 85 patiënten, niet de groepsgroottes. **De groepsgroottes hieronder zijn een aanname** (standaard 42 EXP / 43 GA, \`assumptions.csv\`; aan te passen met de schuifregelaars), en **de aantallen responders zijn gereconstrueerd** uit de percentages. De vier percentages passen bij geen enkele verdeling van de 85 patiënten: bij 42 EXP / 43 GA zijn 51% en 63% geen gehele aantallen van 42 (gebruikt worden 21/42 = 50,0% en 26/42 = 61,9%); de omgekeerde verdeling past ook niet (58% is geen geheel aantal van 42). Mogelijk hebben ze betrekking op de patiënten die op elk meetmoment zijn gemeten (uitval), wat het bezwaar niet vermeldt. Elke reconstructie staat onder de tabel, met het percentage dat het gebruikte aantal werkelijk geeft.`,
    "input.nExp": "n EXP (aangenomen)",
    "input.nGa": "n GA (aangenomen)",
    "col.time": "tijd",
    "col.exp": "EXP: gedrukt → gebruikt aantal (Wilson-95%-BI)",
    "col.ga": "GA: gedrukt → gebruikt aantal (Wilson-95%-BI)",
    "col.diff": "EXP − GA (Newcombe-95%-BI)",
    "col.rr": "RR (95%-BI)",
    "col.or": "OR (95%-BI)",
    "col.nnt": "NNT (Altman-95%-BI)",
    "diff.text": "{estimate} ({lb} tot {ub}) procentpunten",
    "h.pooling":
      `Beide verschillen hebben intervallen die 0 bevatten, dus het NNT-interval is gesplitst (Altman 1998): het loopt van een NNT voor baat via oneindig naar een NNT voor schade. "NNT = 8" rapporteren zonder dat zou verhullen dat de gegevens verenigbaar zijn met elk van beide behandelingen als de betere.

## Responderpercentages poolen over cohorten

De cohorten van hoofdstuk 4 die zowel een responderpercentage als de noemer ervan geven, gepoold met de meta-analyse-engine (\`escalc\` met logit- of Freeman-Tukey-transformatie, \`rma\` met REML, terug getransformeerd). **Elke groep patiënten telt één keer**: Meesters 2016 en Volker 2017 rapporteren over dezelfde 165 Rijndam-patiënten (de controle noteert hun verschillende aantallen met voor- en nameting, 149 en 137), dus beide poolen zou hen dubbel tellen en het interval ten onrechte smaller maken; alleen Volker 2017 (PDI, de landelijke indicator) wordt gepoold. De cohorten gebruiken verschillende instrumenten (PDI, RDQ), dus dit laat de methode zien, geen klinische samenvatting.`,
    "col.cohort": "cohort",
    "col.responders": "responders",
    "col.patients": "patiënten",
    "col.pooled": "gepoold",
    "col.whyNot": "waarom niet",
    "yes": "ja",
    "no": "nee",
    "col.transform": "transformatie",
    "col.ci": "95%-BI",
    "col.pi": "95%-PI",
    "transform.PLO": "PLO (logit)",
    "transform.PFT": "PFT (Freeman-Tukey)",
  },
  en: {
    "intro": `# Responder rates

**Do the responder percentages in the VRA objection fit the effect sizes printed next to them, and how sure can we be of the difference between exposure in vivo (EXP) and graded activity (GA)?** A responder improves by at least the minimal clinically important difference (MCID). If change scores are roughly normal, the share of responders follows from the mean change, the SD of change and the MCID (Furukawa et al. 2005): Φ((mean improvement − MCID) / SD of change).

Sources: VRA, *Objection to the Zorginstituut's draft position on IMSR for chronic pain* (Dutch: *Bezwaar op het conceptstandpunt*, 2025), chapter 4: Breugelmans 2024 (section 4b, the cohort table), Volker 2017, Meesters 2016 and Nicholas 2012 (section 4a, table "CBT"), Leeuw 2008 (section 4a, table "Exposure in vivo"). Furukawa TA, Akechi T, Wagenpfeil S, Leucht S (2005) *Int Clin Psychopharmacol* 20:49–52; Newcombe RG (1998) *Stat Med* 17:857 and 17:873 (intervals); Altman DG (1998) *BMJ* 317:1309 (NNT intervals); Norman GR et al. (2003) *Med Care* 41:582 (half an SD as a typical MCID).

The table first shows the published numbers. The effect sizes are standardised (in SD units), so the MCID and the SD of change below are in SD units too. Defaults: MCID = 0.5 SD, SD of change = 1 × the SD the effect size was standardised by; both are assumptions (listed in the project's assumptions file, \`data/evidence/assumptions.csv\`), not data.`,
    "input.mcid": "MCID (SD units)",
    "input.sdRatio": "SD of change (× SD)",
    "col.source": "Source",
    "col.es": "ES (printed)",
    "col.reported": "Responders (printed)",
    "col.implied": "Implied (normal)",
    "col.mcidFits": "MCID (SD) that fits",
    "series.reported": "reported",
    "series.implied": "implied by the ES",
    "plot.responders": "responders (%)",
    "h.leeuw":
      `With an MCID of half an SD and an SD of change equal to the standardiser, an effect size of about 1 implies some 69% responders, more than the 59.8% printed for the PDI in Breugelmans 2024; the column "MCID (SD) that fits" shows which MCID would reproduce the printed rate. For the work capacity at 12 months (ES 0.97, 52.8% responders) that MCID is 0.9 SD, almost the whole mean improvement: either the responder criterion was strict, or change scores are far from normal.

## EXP versus GA (Leeuw 2008)

The seed prints responder percentages on the PSK only (EXP 51% post and 63% at 12 months; GA 58% and 51%) and a total of 85 patients, not the group sizes. **The group sizes used below are an assumption** (default 42 EXP / 43 GA, \`assumptions.csv\`; change them with the sliders), and **the numbers of responders are reconstructed** from the percentages. The four percentages fit no split of the 85 patients: with 42 EXP / 43 GA, 51% and 63% are no whole numbers of 42 (21/42 = 50.0% and 26/42 = 61.9% are used); the reverse split fails too (58% is no whole number of 42). They may refer to the patients measured at each time point (drop-out), which the seed does not give. Every reconstruction is listed under the table, with the percentage the count used really gives.`,
    "input.nExp": "n EXP (assumed)",
    "input.nGa": "n GA (assumed)",
    "col.time": "time",
    "col.exp": "EXP: printed → count used (Wilson 95% CI)",
    "col.ga": "GA: printed → count used (Wilson 95% CI)",
    "col.diff": "EXP − GA (Newcombe 95% CI)",
    "col.rr": "RR (95% CI)",
    "col.or": "OR (95% CI)",
    "col.nnt": "NNT (Altman 95% CI)",
    "diff.text": "{estimate} ({lb} to {ub}) points",
    "h.pooling":
      `Both differences have intervals that include 0, so the NNT interval is split (Altman 1998): it runs from an NNT for benefit through infinity to an NNT for harm. Reporting "NNT = 8" without that would hide that the data are compatible with either treatment being better.

## Pooling responder rates across cohorts

The cohorts of chapter 4 that print both a responder percentage and its denominator, pooled with the meta-analysis engine (\`escalc\` logit or Freeman–Tukey transform, \`rma\` with REML, back-transformed). **Each group of patients is counted once**: Meesters 2016 and Volker 2017 report the same 165 Rijndam patients (the audit notes their different pre–post counts, 149 and 137), so pooling both would count them twice and narrow the interval falsely; only Volker 2017 (PDI, the national indicator) is pooled. The cohorts use different instruments (PDI, RDQ), so this shows the method, not a clinical summary.`,
    "col.cohort": "cohort",
    "col.responders": "responders",
    "col.patients": "patients",
    "col.pooled": "pooled",
    "col.whyNot": "why not",
    "yes": "yes",
    "no": "no",
    "col.transform": "transform",
    "col.ci": "95% CI",
    "col.pi": "95% PI",
    "transform.PLO": "PLO (logit)",
    "transform.PFT": "PFT (Freeman–Tukey)",
  },
};
