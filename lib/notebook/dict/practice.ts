/**
 * Texts of the practice-variation notebook in Dutch and English.
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The practice-variation notebook's dictionary. */
export const PRACTICE: Dictionary = {
  nl: {
    "flag.low": "laag ({level})",
    "flag.high": "hoog ({level})",
    "plot.inside": "binnen",
    "plot.out95": "buiten 95%",
    "plot.out998": "buiten 99,8%",
    "axis.patients": "Patiënten (n)",
    "axis.outcome.pdi_change": "Geobserveerd − verwacht: PDI-verbetering (punten)",
    "axis.outcome.pdi_responder": "Geobserveerd − verwacht: aandeel responders",
    "axis.outcome.psc_change": "Geobserveerd − verwacht: PSC-verbetering (punten)",
    "axis.caterpillar": "Geobserveerd − verwacht ({unit}), gekrompen",
    "axis.rank": "Rang (1 = meeste verbetering), {level}%-ranginterval; rangschikbaarheid ρ = {rho}",
    "axis.severity": "Gemiddelde PDI bij aanvang (ernst)",
    "axis.dose": "Contacturen (dosis)",
    "axis.patientOrder": "Patiënt (in volgorde van behandeling binnen het centrum)",
    "axis.cusum": "CUSUM (odds op non-respons × {ra}); h = {h}, ARL₀ {arl0}",
    "axis.vlad": "Geobserveerd − verwacht aantal responders (cumulatief)",
    "md.intro": `# Praktijkvariatie en benchmarking tussen centra

**Vraag.** Het bezwaar van de VRA tegen het conceptstandpunt van het Zorginstituut (2025, hoofdstuk 5, "misschien wel het belangrijkste hoofdstuk") stelt dat het echte probleem niet is of interdisciplinaire medisch-specialistische revalidatie (IMSR) werkt, maar *onverklaarde variatie tussen centra* in wie wordt opgenomen (indicatie) en hoeveel behandeling zij krijgen (dosis). Het stelt voor dat zichtbaar te maken met registerdata (de Nationale Dataset Pijnrevalidatie, NDP; de PDI is de landelijke prestatie-indicator, *Behandelkader Aanhoudende pijn* 2025, hoofdstuk 4) en benchmarking tegen normen die voor case-mix corrigeren. Welke centra zou zo'n benchmark markeren, hoe vaak de verkeerde, en hoeveel maakt correctie voor case-mix uit?

**Hoe.** Een gesimuleerd register van centra (hieronder, met elke standaardwaarde en haar herkomst) of uw eigen extract (laatste deel). Een case-mixmodel over alle centra geeft de verwachte uitkomst per patiënt (lineaire regressie voor PDI-verandering, logistisch voor responderstatus); per centrum geobserveerd min verwacht (indirecte standaardisatie) met 95%- en 99,8%-controlegrenzen in een funnelplot, desgewenst verbreed voor overdispersie met de multiplicatieve (φ) of additieve (τ²) correctie van Spiegelhalter (2005, *Stat Med* 24:1185–1202). De variantie tussen centra τ² wordt standaard met DerSimonian–Laird geschat: van de schatters in de kalibratietabel hieronder markeerde die gewone centra het dichtst bij het nominale percentage (de gewinsoriseerde schatter van FunnelPlotR markeerde ze ongeveer twee keer zo vaak). Daarna: hoe goed centra te rangschikken zijn (rangschikbaarheid, rangintervallen), monitoring in de tijd (risicogecorrigeerde CUSUM en VLAD), en hoe de markeringen verschuiven met aannames over ontbrekende follow-up. Alles draait in uw browser; er wordt niets verstuurd.`,
    "input.breadth": "Breedte van de indicatie (gemiddeld aandeel minder complexe patiënten)",
    "input.dose": "Dosis: mediaan aantal contacturen per centrum",
    "input.centreSD": "Overdispersie: SD van de ware centrumeffecten (PDI-punten)",
    "input.od": "Overdispersiecorrectie van de grenzen",
    "input.tau2": "τ²-schatter (additief)",
    "input.doseEffect":
      "Causaal dosiseffect (aanname, standaard uit): aandeel van het contrast tussen studies uit de review",
    "input.outcome": "Gebenchmarkte uitkomst",
    "input.caseMix": "Case-mixmodel: gepoold, of gemengd met random centrumintercepts (coëfficiënten binnen centra)",
    "input.years": "Jaren registerdata",
    "input.seed": "Seed van de simulatie",
    "od.additive": "additief",
    "od.multiplicative": "multiplicatief",
    "od.none": "geen",
    "outcome.pdi_change": "PDI-verandering",
    "outcome.pdi_responder": "PDI-responder",
    "outcome.psc_change": "PSC-verandering",
    "caseMix.pooled": "gepoold",
    "caseMix.mixed": "gemengd",
    "md.funnel": `## De funnelplot

Elke stip is een centrum: de geobserveerde min verwachte uitkomst (na correctie voor case-mix) tegen het aantal patiënten. De gestippelde lijnen zijn de 95%-grenzen, de doorgetrokken lijnen 99,8%; centra daarbuiten zijn gekleurd en gelabeld. Met de additieve correctie bevatten de grenzen de variantie tussen centra τ² (volgens de gekozen schatter; standaard DerSimonian–Laird). O / E staat er alleen voor responders (geobserveerde gedeeld door verwachte responders); voor gemiddelde veranderingen is de indicator O − E. Een centrum wordt gemarkeerd op de buitenste grens die het overschrijdt: dezelfde regel in de centrumtabel hieronder, in de plots en in \`deno task benchmark-centres\`.`,
    "col.centre": "centrum",
    "col.n": "n",
    "col.observed": "geobserveerd",
    "col.expected": "verwacht",
    "col.oe": "O / E (responders)",
    "col.z": "z (gecorrigeerd)",
    "col.flag": "markering",
    "col.shrunk": "gekrompen [95%-BI]",
    "col.meanPre": "gem. PDI voor",
    "col.hours": "uren",
    "col.rate": "responderpercentage [95%-BI]",
    "col.indication": "indicatiemarkering",
    "col.trueEffect": "waar effect",
    "col.lessComplex": "aandeel minder complex",
    "flagged.title": "Gemarkeerde centra ({k} van {n} buiten een controlegrens; gemarkeerde eerst)",
    "md.casemix":
      `**Case-mix met centrumeffecten.** Het gepoolde case-mixmodel past één regressie over alle patiënten; als centra met ernstiger patiënten ook anders presteren, nemen de coëfficiënten een deel van die prestatie op. Het gemengde model (random centrumintercepts, REML, met het centrumgemiddelde van elke covariaat erbij) geeft coëfficiënten binnen centra, zodat prestatie die samengaat met case-mix in de O − E van het centrum blijft (de testsuite van het project bevat een register waarin de gepoolde coëfficiënt van de PDI bij aanvang −0,19 is en die binnen centra 0,50, de waarheid). Voor responders is het gemengde model logistisch met random centrumintercepts, geschat met penalised quasi-likelihood (Breslow & Clayton 1993), dat coëfficiënten iets krimpt (0,066 voor een ware 0,08 in die test).

Responderpercentages (bij uitkomst PDI-responder) zijn ongecorrigeerd, met Wilson-intervallen van de responder-engine van de toolkit; de markeringen gebruiken de voor case-mix gecorrigeerde geobserveerde min verwachte waarde. De kolommen "waar effect" en "aandeel minder complex" zijn de verborgen waarheid van de simulatie (een echt register heeft die niet): het ware effect van het centrum in PDI-punten en het aandeel minder complexe patiënten dat het opnam.

## Caterpillarplot: gekrompen centrumschattingen

Een tweede blik: de geobserveerde min verwachte waarde van elk centrum, gekrompen naar het totale gemiddelde naar rato van de onzekerheid (empirische Bayes met τ² geschat met REML door de meta-analyse-engine \`rma\` van de toolkit): θᵢ = (τ²/(τ²+vᵢ))·yᵢ + (vᵢ/(τ²+vᵢ))·μ. Open stippen zijn de ruwe schattingen. Kleine centra verschuiven het meest.`,
    "md.rank": `## Hoe goed zijn deze centra te rangschikken?

**Rangschikbaarheid** ρ = τ² / (τ² + mediaan σᵢ²) (Lingsma; van Dishoeck et al. 2011, *BMJ Qual Saf* 20:869–874): het deel van de spreiding tussen centrumschattingen dat echte variantie tussen centra is en geen toeval. Zij noemen ρ onder 0,5 slecht en boven 0,75 goed. **Rangintervallen**: de rang van elk centrum 1000 keer getrokken (met seed) uit hetzelfde krimpmodel als de caterpillarplot; de balk is het 95%-interval van de rang (1 = meeste verbetering), de dichte stip de mediane rang, de open stip de rang van de ruwe schatting. In simulaties van het project (25 centra, ware SD 1,5) bevatten deze 95%-intervallen de ware rang van 97,7% van de centra (discrete rangen maken ze iets conservatief).`,
    "rank.text":
      "Rangschikbaarheid ρ = {rho} ({reading}; τ² {tau2}, mediaan σᵢ² {vi}). Gemiddelde breedte van de 95%-rangintervallen: {width} rangen van {k}.",
    "md.calibration": `## Zijn de controlegrenzen gekalibreerd?

Een commissie die op een markering handelt, moet erop kunnen rekenen dat de markering betekent wat zij zegt: met 95%-grenzen zou ongeveer 5% van de centra die gewoon deel zijn van de spreiding tussen centra gemarkeerd moeten worden, en ongeveer 0,2% met 99,8%-grenzen. De tabel geeft per overdispersiemethode het percentage onterechte markeringen in gesimuleerde registers van 25 centra met 30–150 patiënten waarvan de ware centrumeffecten normaal verdeeld zijn met SD 0, 1,5 of 3 PDI-punten (elk centrum "gewoon"), ± Monte-Carlo-SE. Ze is één keer berekend, met seed (\`deno run -A data/registry/make-calibration.ts\`, bestand \`data/registry/calibration.json\` in de repository); een kleinere run wordt in de testsuite herhaald. De zinnen onder de tabel worden eruit gegenereerd. Ze beschrijven deze simulatie (normale centrumeffecten, normale patiëntuitkomsten), geen enkel register.`,
    "cal.method": "methode",
    "cal.default": " (standaard)",
    "cal.col": "{level}%, SD {sd}",
    "cal.caption": "Percentage onterechte markeringen ({reps} registers per ware SD, seed {seed})",
    "cal.size": "{size} patiënten",
    "cal.sizeCaption": "Naar centrumgrootte: gemarkeerd bij 95%, ware SD 3",
    "cal.note":
      "Bij ware SD 0 kan geen correctie vaker markeren dan geen correctie (de correcties verbreden alleen de grenzen), en een τ² geschat uit centra zonder echte spreiding is soms toevallig boven 0, wat de grenzen verbreedt; daarom ligt de standaard daar onder 5% (geen methode in de tabel zit binnen 1,5 procentpunt van 5% bij SD 0 én bij SD 1,5 en 3). De 99,8%-grenzen zijn bij elke SD conservatief. De multiplicatieve φ zonder winsoriseren zit gemiddeld dichtbij, maar markeert grote centra meermaals zo vaak als kleine (de tabel naar centrumgrootte); de afstand van de standaard tot het nominale percentage is berekend over derden van het bereik van centrumgroottes. De prijs van kalibratie: centra met een echt tekort vergroten τ² ook, dus worden ze minder vaak gemarkeerd dan met winsoriseren (in een test van het project, 20 centra waarvan 2 met een echt tekort van 4 punten: laag gemarkeerd bij 99,8% in 4% van 25 replicaties met de standaard, 36% met winsoriseren, dat ook 3,8% van de andere centra bij 95% markeert tegen 0,2%).",
    "md.dose": `## Indicatie en dosis

**Indicatie.** Het aandeel opgenomen patiënten met lichte beperkingen (PDI bij aanvang onder 30 van 70; de drempel is een aanname) per centrum, tegen het gepoolde aandeel. Benchmarking van uitkomsten corrigeert voor case-mix en ziet daardoor een te brede indicatie niet; deze funnel wel.

**Dosis tegen ernst.** De VRA (bezwaar 2025, hoofdstuk 5) stelt dat op centrumniveau de ernst zou moeten overeenkomen met de dosis. De meta-analyse die het bezwaar aanhaalt (paragraaf 4b, subgroepen naar contacturen) rapporteert kleinere effecten voor programma's van 131–274 contacturen (ES 0,388) dan voor 49–130 uur (0,614) of 0–48 uur (0,658): gestippelde lijnen markeren die banden. Dat is een vergelijking *tussen studies* (programma's die in veel meer verschillen dan dosis), geen dosiseffect; in deze simulatie verandert dosis de uitkomsten dus niet, tenzij u de schuif "causaal dosiseffect" boven 0 zet (een expliciete aanname: 1 past de volle 0,63× boven 130 uur toe). De plot is beschrijvend. Dosis staat hier los van ernst (een aanname: de "onverklaarde variatie" die de VRA beschrijft).`,
    "ind.ylabel": "Aandeel met PDI bij aanvang < 30",
    "var.before": "variantie tussen centra vóór correctie voor case-mix (τ², REML)",
    "var.after": "variantie tussen centra na correctie",
    "var.removed": "aandeel verwijderd door correctie voor case-mix (1 − verhouding van de varianties)",
    "var.na": "niet beschikbaar (geen variantie vóór correctie)",
    "var.quantity": "grootheid",
    "var.value": "waarde",
    "var.note":
      "Het verwijderde aandeel kan negatief zijn: τ² wordt met fout geschat, en correctie kan ook verschillen blootleggen die de case-mix verborg.",
    "md.monitoring": `## Monitoring in de tijd: risicogecorrigeerde CUSUM en VLAD

Een funnelplot is een momentopname; een register verzamelt elk jaar. Per centrum de patiënten in volgorde van behandeling (per jaar, dan zoals vermeld), responderstatus (PDI-verbetering ≥ de MCID, niet geverifieerd) tegen de kans die het case-mixmodel (logistisch, alle centra) voorspelt. De **risicogecorrigeerde CUSUM** (Steiner et al. 2000, *Biostatistics* 1:441–452) telt per patiënt de log-likelihoodratio op van "de odds op non-respons zijn verdubbeld" (R_A = 2, de keuze van Steiner) tegen "zoals voorspeld", en geeft een signaal als hij h bereikt, waarna hij op 0 herstart. h is met simulatie zo gekozen dat een centrum dat presteert zoals voorspeld gemiddeld eens per 1000 patiënten vals signaleert (in-control ARL₀ = 1000, een aanname: ongeveer eens in 11 jaar voor een centrum van 90 patiënten per jaar; met 25 centra ongeveer 2 valse signalen per jaar in het register). De **VLAD** is het lopende totaal van geobserveerde min verwachte responders. Kies hierboven 3 jaar data om meer te zien.`,
    "cusum.text":
      "Controlegrens h = {h} (gesimuleerde in-control ARL {arl} ± {mcse} patiënten, {reps} runs). Centra met een signaal: {list}.",
    "cusum.patient": "{centre} (patiënt {at})",
    "none": "geen",
    "md.missing": `## Ontbrekende follow-up: hoe de markeringen verschuiven met de aanname over ontbrekende data

Follow-up-PROMs ontbreken vaak, en vergelijkingen van zorgaanbieders op PROMs kunnen veranderen met wat wordt aangenomen over de patiënten zonder follow-up (Gomes et al. 2016, *Health Econ* 25:515–528). Hier wordt de follow-up-PDI uit het gesimuleerde register verwijderd: elk centrum verliest zijn eigen aandeel (rond het gekozen gemiddelde), en patiënten die minder dan de MCID verbeterden gaan vaker verloren (odds ratio hieronder). Daarna een **delta-gecorrigeerde** analyse: van patiënten zonder follow-up wordt aangenomen dat ze veranderen zoals geobserveerde patiënten van hetzelfde centrum met dezelfde case-mix (δ = 0, missing at random gegeven centrum en case-mix), of δ PDI-punten minder (δ < 0, missing not at random). Elk centrum verschuift dan met (zijn aandeel ontbrekend − dat van het register) × δ. De tabel noemt elk centrum waarvan de markering verschilt van δ = 0. Uitkomst: PDI-verandering.`,
    "input.missingShare": "Gemiddeld aandeel zonder follow-up (aanname)",
    "input.missingOR": "Odds ratio op ontbreken voor niet-verbeteraars (aanname)",
    "miss.delta": "δ (PDI-punten)",
    "miss.flagged": "gemarkeerde centra",
    "miss.changed": "markering anders dan bij δ = 0 (markering bij deze δ; aandeel ontbrekend)",
    "miss.item": "{centre} ({flag}; ontbrekend {share})",
    "miss.inside": "binnen",
    "miss.caption": "{share} van de patiënten zonder follow-up",
    "md.diagnosis": `## Diagnose: hoe vaak markeert de benchmark de juiste centra?

Herhaal de simulatie vele malen met de instellingen hierboven plus twee centra met een echt tekort, en tel: hoe vaak een centrum met een tekort laag wordt gemarkeerd, hoe vaak een centrum zonder tekort bij toeval wordt gemarkeerd, en hoe vaak een centrum met een te brede indicatie (de helft van zijn patiënten minder complex) opvalt op de uitkomstfunnel en op de indicatiefunnel. Eén jaar tegen drie jaar data.`,
    "input.shortfall": "Echt tekort (PDI-punten)",
    "input.reps": "Replicaties",
    "input.run": "Voer de diagnose uit (enkele seconden)",
    "diag.press":
      "Druk op de knop om de diagnose uit te voeren met de instellingen hierboven (ze simuleert 2 × het aantal replicaties).",
    "diag.years": "jaren",
    "diag.what": "wat wordt geteld",
    "diag.rate": "percentage ± Monte-Carlo-SE (n = centrum-replicaties)",
    "md.diagnosisNotes":
      `Percentages zijn aandelen van centrum-replicaties, ± één Monte-Carlo-standaardfout; een percentage over geen centra staat als "niet beschikbaar". Zonder echte verschillen en zonder overdispersiecorrectie wordt ongeveer 5% (95%-grenzen) en 0,2% (99,8%) van de centra gemarkeerd: de testsuite van het project controleert dat. Met echte verschillen zegt de kalibratietabel hierboven hoe vaak elke correctie gewone centra markeert; een centrum met een echt tekort verbreedt ook de grenzen waaraan het wordt gemeten (het is deel van de spreiding die τ² meet), dus vergelijk het onderscheidend vermogen van de gewinsoriseerde schatter hier met de onterechte markeringen daar. "Andere centra" zijn niet allemaal gelijk: met een SD van de ware centrumeffecten boven 0 verschillen sommige wel, en centra met een tekort verschuiven de norm voor iedereen. De verwijderde variantie is een verhouding van varianties (1 − gemiddelde τ² na / gemiddelde τ² voor), geen gemiddelde van verhoudingen.

## Standaardwaarden en hun herkomst`,
    "def.parameter": "parameter",
    "def.default": "standaard",
    "def.source": "bron",
    "md.upload": `## Uw eigen registerextract

Kies een CSV met één rij per patiënt. Verplichte kolommen: \`centre, wpn, pain_years, work, pdi_pre, pdi_post\`; optioneel: \`psc_pre, psc_post, hours, year\`. Een bestand uit een Nederlandse Excel (\`;\` als scheidingsteken, decimale komma's) wordt ook gelezen. Het bestand wordt alleen in dit browsertabblad gelezen: er wordt niets geüpload of verstuurd. Problemen worden genoemd met hun rij, regel en kolom. Zonder bestand wordt het gesimuleerde voorbeeld \`simulated-registry.csv\` getoond.`,
    "upload.label": "Registerextract (CSV)",
    "upload.outcome": "Uitkomst",
    "upload.od": "Overdispersie",
    "upload.example": "simulated-registry.csv",
    "upload.failed":
      "{name} kon niet worden gebruikt:\n{error}\nEr staan geen resultaten op de pagina: kies een gecorrigeerd bestand.",
    "upload.ok": "{name}: {patients} patiënten in {centres} centra (gelezen met {dialect}).",
    "upload.excluded": "Weggelaten (minder dan {min} patiënten): {list}.",
    "upload.tableCaption": "Centrumtabel van {name}",
    "md.sources": `---

Bronnen: VRA, *Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn* (2025), hoofdstukken 4–5 (paragraaf 4b: contacturenbanden en het cohort van Breugelmans 2024; basisgegevens van Meesters 2016 / Volker 2017); *Behandelkader Aanhoudende pijn* (2025), hoofdstuk 4 (NDP, PDI als landelijke indicator, WPN-niveaus); Spiegelhalter DJ (2005) Funnel plots for comparing institutional performance, *Stat Med* 24:1185–1202; NHS-R FunnelPlotR. Waarden die in de tabel met standaardwaarden als "assumption" zijn gemarkeerd, staan niet in deze documenten. Code: de practice-engine en de practice-plots van evidence-lab.`,
  },
  en: {
    "flag.low": "low ({level})",
    "flag.high": "high ({level})",
    "plot.inside": "inside",
    "plot.out95": "outside 95%",
    "plot.out998": "outside 99.8%",
    "axis.patients": "Patients (n)",
    "axis.outcome.pdi_change": "Observed − expected PDI improvement (points)",
    "axis.outcome.pdi_responder": "Observed − expected responder proportion",
    "axis.outcome.psc_change": "Observed − expected PSC improvement (points)",
    "axis.caterpillar": "Observed − expected ({unit}), shrunken",
    "axis.rank": "Rank (1 = most improvement), {level}% rank interval; rankability ρ = {rho}",
    "axis.severity": "Mean baseline PDI (severity)",
    "axis.dose": "Contact hours (dose)",
    "axis.patientOrder": "Patient (in order of treatment within the centre)",
    "axis.cusum": "CUSUM (odds of non-response × {ra}); h = {h}, ARL₀ {arl0}",
    "axis.vlad": "Observed − expected responders (cumulative)",
    "md.intro": `# Practice variation and benchmarking between centres

**Question.** The VRA's objection to the Zorginstituut's draft position (2025, chapter 5, "perhaps the most important chapter") argues that the real problem is not whether interdisciplinary medical-specialist rehabilitation (IMSR) works, but *unexplained variation between centres* in who is admitted (indication) and how much treatment they get (dose). It proposes to make that visible with registry data (the national pain-rehabilitation dataset NDP; the PDI is the national performance indicator, *Behandelkader Aanhoudende pijn* 2025, chapter 4) and benchmarking against case-mix-adjusted norms. Which centres would such a benchmark flag, how often would it flag the wrong ones, and how much does case-mix adjustment matter?

**How.** A simulated registry of centres (below, with every default and where it comes from) or your own extract (last section). A case-mix model fitted on all centres gives each patient's expected outcome (linear regression for PDI change, logistic for responder status); per centre, observed minus expected (indirect standardisation) with 95% and 99.8% control limits in a funnel plot, optionally widened for overdispersion with the multiplicative (φ) or additive (τ²) adjustment of Spiegelhalter (2005, *Stat Med* 24:1185–1202). The between-centre variance τ² is estimated by DerSimonian–Laird by default: of the estimators compared in the calibration table below, it flagged ordinary centres closest to the nominal rate (FunnelPlotR's winsorised estimator flagged them about twice as often). Then: how well centres can be ranked at all (rankability, rank intervals), monitoring over time (risk-adjusted CUSUM and VLAD), and how the flags move with assumptions about missing follow-up. Everything runs in your browser; nothing is sent anywhere.`,
    "input.breadth": "Indication breadth (mean share of less complex patients admitted)",
    "input.dose": "Dose: median contact hours per centre",
    "input.centreSD": "Overdispersion: SD of true centre effects (PDI points)",
    "input.od": "Overdispersion adjustment of the limits",
    "input.tau2": "τ² estimator (additive)",
    "input.doseEffect":
      "Causal dose effect (assumption, off by default): share of the review's between-study contrast applied",
    "input.outcome": "Outcome benchmarked",
    "input.caseMix": "Case-mix model: pooled, or mixed with random centre intercepts (within-centre coefficients)",
    "input.years": "Years of registry data",
    "input.seed": "Simulation seed",
    "od.additive": "additive",
    "od.multiplicative": "multiplicative",
    "od.none": "none",
    "outcome.pdi_change": "PDI change",
    "outcome.pdi_responder": "PDI responder",
    "outcome.psc_change": "PSC change",
    "caseMix.pooled": "pooled",
    "caseMix.mixed": "mixed",
    "md.funnel": `## The funnel plot

Each dot is a centre: its observed minus expected outcome (after case-mix adjustment) against its number of patients. The dashed lines are the 95% limits, the solid lines 99.8%; centres outside are coloured and labelled. With the additive adjustment the limits include the between-centre variance τ² (by the estimator chosen above; DerSimonian–Laird by default). O / E is shown only for responders (observed over expected responders); for mean changes the indicator is O − E. A centre is flagged at the outermost limit it crosses: the same rule in the centre table below, in the plots and in \`deno task benchmark-centres\`.`,
    "col.centre": "centre",
    "col.n": "n",
    "col.observed": "observed",
    "col.expected": "expected",
    "col.oe": "O / E (responders)",
    "col.z": "z (adjusted)",
    "col.flag": "flag",
    "col.shrunk": "shrunken [95% CI]",
    "col.meanPre": "mean PDI pre",
    "col.hours": "hours",
    "col.rate": "responder rate [95% CI]",
    "col.indication": "indication flag",
    "col.trueEffect": "true effect",
    "col.lessComplex": "less complex share",
    "flagged.title": "Flagged centres ({k} of {n} outside a control limit; flagged first)",
    "md.casemix":
      `**Case mix with centre effects.** The pooled case-mix model fits one regression over all patients; when centres with more severe patients also perform differently, its coefficients absorb part of that performance. The mixed model (random centre intercepts, REML, with each covariate's centre mean added) gives within-centre coefficients, so performance that goes with case mix stays in the centre's O − E (the project's test suite holds a registry where the pooled coefficient of baseline PDI is −0.19 and the within-centre one 0.50, the truth). For responders the mixed model is logistic with random centre intercepts, fitted by penalised quasi-likelihood (Breslow & Clayton 1993), which tends to shrink coefficients a little (0.066 for a true 0.08 in that test).

Responder rates (when the outcome is PDI responder) are unadjusted, with Wilson intervals from the toolkit's responder engine; the flags use the case-mix-adjusted observed minus expected. The columns "true effect" and "less complex share" are the simulation's hidden truth (a real registry does not have them): the centre's true effect in PDI points and the share of less complex patients it admitted.

## Caterpillar plot: shrunken centre estimates

A second view: each centre's observed minus expected, shrunk towards the overall mean in proportion to its uncertainty (empirical Bayes with τ² estimated by REML with the toolkit's meta-analysis engine \`rma\`): θᵢ = (τ²/(τ²+vᵢ))·yᵢ + (vᵢ/(τ²+vᵢ))·μ. Hollow dots are the raw estimates. Small centres move most.`,
    "md.rank": `## How well can these centres be ranked?

**Rankability** ρ = τ² / (τ² + median σᵢ²) (Lingsma; van Dishoeck et al. 2011, *BMJ Qual Saf* 20:869–874): the share of the spread between centre estimates that is true between-centre variance rather than chance. They call ρ below 0.5 poor and above 0.75 good. **Rank intervals**: each centre's rank drawn 1000 times (seeded) from the same shrinkage model as the caterpillar plot; the bar is the 95% interval of its rank (1 = most improvement), the filled dot the median rank, the hollow dot the rank of its raw estimate. In the project's simulations (25 centres, true SD 1.5) these 95% intervals covered the true ranks of 97.7% of centres (discrete ranks make them slightly conservative).`,
    "rank.text":
      "Rankability ρ = {rho} ({reading}; τ² {tau2}, median σᵢ² {vi}). Mean width of the 95% rank intervals: {width} ranks of {k}.",
    "md.calibration": `## Are the control limits calibrated?

A committee acting on a flag needs the flag to mean what it says: with 95% limits, about 5% of centres that are merely ordinary members of the between-centre spread should be flagged, and about 0.2% with 99.8% limits. The table gives each overdispersion method's false-flag rate in simulated registries of 25 centres of 30–150 patients whose true centre effects are normal with SD 0, 1.5 or 3 PDI points (every centre "ordinary"), ± Monte Carlo SE. It was computed once, seeded (\`deno run -A data/registry/make-calibration.ts\`, file \`data/registry/calibration.json\` in the repository); a smaller run is repeated in the test suite. The sentences under the table are generated from it. They describe this simulation (normal centre effects, normal patient outcomes), not any registry.`,
    "cal.method": "method",
    "cal.default": " (default)",
    "cal.col": "{level}%, SD {sd}",
    "cal.caption": "False-flag rates ({reps} registries per true SD, seed {seed})",
    "cal.size": "{size} patients",
    "cal.sizeCaption": "By centre size: flagged at 95%, true SD 3",
    "cal.note":
      "At true SD 0 no adjustment can flag more often than none (the adjustments only widen the limits), and a τ² estimated from centres with no true spread is sometimes above 0 by chance, which widens the limits; so the default is below 5% there (no method in the table is within 1.5 points of 5% at SD 0 and at SD 1.5 and 3). Its 99.8% limits are conservative at every SD. The multiplicative φ without winsorising is close on average but flags large centres several times as often as small ones (the table by centre size); the default's distance to nominal is computed over thirds of the size range. The price of calibration: centres with a true shortfall inflate τ² too, so they are flagged less often than with winsorising (in a test of the project, 20 centres of which 2 have a true 4-point shortfall: flagged low at 99.8% in 4% of 25 replications with the default, 36% with winsorising, which also flags 3.8% of the other centres at 95% against 0.2%).",
    "md.dose": `## Indication and dose

**Indication.** The share of admitted patients with mild disability (baseline PDI below 30 of 70; the threshold is an assumption) per centre, against the pooled share. Outcome benchmarking adjusts for case mix and so cannot see an over-broad indication; this funnel can.

**Dose vs severity.** The VRA (objection 2025, chapter 5) argues that at centre level severity should correspond to dose. The meta-analysis the objection quotes (section 4b, subgroups by contact hours) reports smaller effects for programmes of 131–274 contact hours (ES 0.388) than for 49–130 h (0.614) or 0–48 h (0.658): dotted lines mark those bands. That is a comparison *between studies* (programmes that differ in much more than dose), not a dose effect; so in this simulation dose does not change outcomes unless you set the "causal dose effect" slider above 0 (an explicit assumption: 1 applies the full 0.63× above 130 h). The plot is descriptive. Dose is unrelated to severity here (an assumption: the "unexplained variation" the VRA describes).`,
    "ind.ylabel": "Share with baseline PDI < 30",
    "var.before": "between-centre variance before case-mix adjustment (τ², REML)",
    "var.after": "between-centre variance after adjustment",
    "var.removed": "share removed by case-mix adjustment (1 − ratio of the variances)",
    "var.na": "not available (no variance before adjustment)",
    "var.quantity": "quantity",
    "var.value": "value",
    "var.note":
      "The share removed can be negative: τ² is estimated with error, and adjustment can also reveal differences that case mix hid.",
    "md.monitoring": `## Monitoring over time: risk-adjusted CUSUM and VLAD

A funnel plot is a snapshot; a registry collects every year. Per centre, patients in the order treated (by year, then as listed), responder status (PDI improvement ≥ the MCID, unverified) against the probability the case-mix model (logistic, all centres) predicts. The **risk-adjusted CUSUM** (Steiner et al. 2000, *Biostatistics* 1:441–452) adds each patient's log-likelihood ratio for "the odds of non-response are doubled" (R_A = 2, Steiner's choice) against "as predicted", and signals when it reaches h, then restarts at 0. h is set by simulation so that a centre performing as predicted signals falsely once per 1000 patients on average (in-control ARL₀ = 1000, an assumption: about once in 11 years for a centre of 90 patients a year; with 25 centres that is about 2 false signals a year in the registry). The **VLAD** is the running total of observed minus expected responders. Use 3 years of data above to see more.`,
    "cusum.text":
      "Control limit h = {h} (simulated in-control ARL {arl} ± {mcse} patients, {reps} runs). Centres that signalled: {list}.",
    "cusum.patient": "{centre} (patient {at})",
    "none": "none",
    "md.missing": `## Missing follow-up: how the flags move with the missing-data assumption

Follow-up PROMs are often missing, and provider comparisons on PROMs can change with what is assumed about the patients without them (Gomes et al. 2016, *Health Econ* 25:515–528). Here follow-up PDI is removed from the simulated registry: each centre loses its own share (around the mean chosen), and patients who improved less than the MCID are more likely to be lost (odds ratio below). Then a **delta-adjusted** analysis: patients without follow-up are assumed to change as observed patients of the same centre with the same case mix would (δ = 0, missing at random given centre and case mix), or δ PDI points less (δ < 0, missing not at random). Each centre then moves by (its share missing − the registry's) × δ. The table lists every centre whose flag differs from δ = 0. Outcome: PDI change.`,
    "input.missingShare": "Mean share without follow-up (assumption)",
    "input.missingOR": "Odds ratio of missing for non-improvers (assumption)",
    "miss.delta": "δ (PDI points)",
    "miss.flagged": "centres flagged",
    "miss.changed": "flag differs from δ = 0 (flag at this δ; share missing)",
    "miss.item": "{centre} ({flag}; missing {share})",
    "miss.inside": "inside",
    "miss.caption": "{share} of patients without follow-up",
    "md.diagnosis": `## Diagnosis: how often does the benchmark flag the right centres?

Repeat the simulation many times with the settings above plus two centres with a true shortfall, and count: how often a shortfall centre is flagged low, how often a centre without one is flagged by chance, and how often an over-broad centre (half its patients less complex) shows up on the outcome funnel and on the indication funnel. One year against three years of data.`,
    "input.shortfall": "True shortfall (PDI points)",
    "input.reps": "Replications",
    "input.run": "Run the diagnosis (a few seconds)",
    "diag.press": "Press the button to run the diagnosis with the settings above (it simulates 2 × the replications).",
    "diag.years": "years",
    "diag.what": "what is counted",
    "diag.rate": "rate ± Monte Carlo SE (n = centre-replications)",
    "md.diagnosisNotes":
      `Rates are shares of centre-replications, ± one Monte Carlo standard error; a rate over no centres is shown as "not available". With no true differences and no overdispersion adjustment, about 5% (95% limits) and 0.2% (99.8%) of centres are flagged: the project's test suite checks this. With true differences, the calibration table above says how often each adjustment flags ordinary centres; a centre with a true shortfall also widens the limits it is judged by (it is part of the spread τ² measures), so compare the winsorised estimator's power here with its false flags there. Note that "other centres" are not all equal: with an SD of true centre effects above 0 some of them do differ, and shortfall centres shift the norm for everyone. The variance removed is a ratio of variances (1 − mean τ² after / mean τ² before), not a mean of ratios.

## Defaults and where they come from`,
    "def.parameter": "parameter",
    "def.default": "default",
    "def.source": "source",
    "md.upload": `## Your own registry extract

Choose a CSV with one row per patient. Required columns: \`centre, wpn, pain_years, work, pdi_pre, pdi_post\`; optional: \`psc_pre, psc_post, hours, year\`. A file saved by a Dutch Excel (\`;\` separator, decimal commas) is read as well. The file is read in this browser tab only: nothing is uploaded or sent anywhere. Problems are listed with their row, line and column. Without a file, the simulated example \`simulated-registry.csv\` is shown.`,
    "upload.label": "Registry extract (CSV)",
    "upload.outcome": "Outcome",
    "upload.od": "Overdispersion",
    "upload.example": "simulated-registry.csv",
    "upload.failed": "Could not use {name}:\n{error}\nNo results are shown: choose a corrected file.",
    "upload.ok": "{name}: {patients} patients in {centres} centres (read with {dialect}).",
    "upload.excluded": "Left out (fewer than {min} patients): {list}.",
    "upload.tableCaption": "Centre table of {name}",
    "md.sources": `---

Sources: VRA, *Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn* (objection to the Zorginstituut's draft position, 2025), chapters 4–5 (section 4b: contact-hour bands and the Breugelmans 2024 cohort; baseline data of Meesters 2016 / Volker 2017); *Behandelkader Aanhoudende pijn* (2025), chapter 4 (NDP, PDI as national indicator, WPN levels); Spiegelhalter DJ (2005) Funnel plots for comparing institutional performance, *Stat Med* 24:1185–1202; NHS-R FunnelPlotR. Values marked "assumption" in the defaults table are not in these documents. Code: evidence-lab's practice engine and practice plots.`,
  },
};
