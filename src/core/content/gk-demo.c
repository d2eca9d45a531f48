/* gk-demo.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo programme tells one story, told the same way by every part of it:
 * eighteen months ago Voorbeeldstad had no grip on its youth care (eight of
 * nine topics Serious, costs 2.15 million euro a month and rising); the
 * council adopted a change programme with seven focus projects; now most
 * topics are Vigilant and three are In control, the figures improve, but
 * waiting times got worse again (vacancies, a provider that closed), so
 * Access is Serious and the project "Wachttijden omlaag" is off track.
 *
 * Everything is written relative to the reference date, with a GRand of a
 * fixed seed for the wobble in the figures, so the same reference date
 * gives byte-identical rows.
 *
 * The cost indicator is monthly ("Jeugdhulpkosten per maand"), not
 * quarterly: controllers get claims data every month, 24 monthly points
 * give the trend line and the "two consecutive periods" rule something to
 * work with, and eight quarterly points would be too few. One indicator,
 * client satisfaction, is quarterly so that the demo shows both frequencies.
 */
#include "config.h"

#include <math.h>

#include "gk-demo-private.h"
#include "gk-demo-replay.h"
#include "gk-demo-writer.h"

#define DEMO_SEED 20260101

/* ======================================================================== */
/* The demo: Gemeente Voorbeeldstad, veranderopgave jeugdhulp                */
/* ======================================================================== */

enum {
  NOBODY,
  MARIEKE, SANNE, AHMED, PETRA, JOOST, FATIMA, BART, RUUD, LINDA, KEES, NOOR, ESTHER,
  N_PEOPLE
};

typedef struct {
  const char *name;
  GkRole      role;
  const char *email;
} DemoPerson;

static const DemoPerson demo_people[N_PEOPLE] = {
  [MARIEKE] = { "Marieke Jansen", GK_ROLE_WETHOUDER, "m.jansen@voorbeeldstad.example" },
  [SANNE] = { "Sanne de Vries", GK_ROLE_PROJECTLEIDER, "s.devries@voorbeeldstad.example" },
  [AHMED] = { "Ahmed El Idrissi", GK_ROLE_CONTROLLER, "a.elidrissi@voorbeeldstad.example" },
  [PETRA] = { "Petra Bakker", GK_ROLE_INKOPER, "p.bakker@voorbeeldstad.example" },
  [JOOST] = { "Joost van Dijk", GK_ROLE_CONTRACTMANAGER, "j.vandijk@voorbeeldstad.example" },
  [FATIMA] = { "Fatima Yilmaz", GK_ROLE_BELEIDSMAKER, "f.yilmaz@voorbeeldstad.example" },
  [BART] = { "Bart de Groot", GK_ROLE_BELEIDSMAKER, "b.degroot@voorbeeldstad.example" },
  [RUUD] = { "Ruud Hendriks", GK_ROLE_BELEIDSMAKER, "r.hendriks@voorbeeldstad.example" },
  [LINDA] = { "Linda Visser", GK_ROLE_INFORMATIEMANAGER, "l.visser@voorbeeldstad.example" },
  [KEES] = { "Kees Mulder", GK_ROLE_BESTUURDER, "k.mulder@voorbeeldstad.example" },
  [NOOR] = { "Noor Smit", GK_ROLE_UITVOERDER, "n.smit@voorbeeldstad.example" },
  [ESTHER] = { "Esther Willems", GK_ROLE_UITVOERDER, "e.willems@voorbeeldstad.example" },
};

/* In the order of the template. */
enum {
  NO_TOPIC,
  VISIE, TOEGANG, PREVENTIE, INKOOP, CONTRACT, FINANCIEN, INFORMATIE, MONITORING, UITVOERING,
  N_TOPICS
};

/* Assessments: one a month, month 0 eighteen months ago, the last one now. */
#define N_ASSESSMENTS 19
#define MAX_TURNS 4
#define MAX_VARIANTS 3

/* A change of level, with the rationale that explains it and the rationales
 * of the months after it in which the level holds (used in turn). */
typedef struct {
  int         month;
  GkLevel     level;
  const char *rationale;
  const char *follow_ups[MAX_VARIANTS];
} Turn;

typedef struct {
  int  owner;
  Turn turns[MAX_TURNS];          /* the first at month 0 */
} TopicStory;

#define S GK_LEVEL_SERIOUS
#define V GK_LEVEL_VIGILANT
#define C GK_LEVEL_IN_CONTROL

static const TopicStory topic_stories[N_TOPICS] = {
  [VISIE] = { KEES, {
    { 0, S, "Nulmeting: er is geen gedeelde visie op de jeugdhulp; de raad stuurt op incidenten en losse moties. Niemand is eigenaar van de opgave als geheel.",
      { "De visie is in concept; de bespreking in de raad staat gepland. De sturing is nog gericht op het tekort.",
        "Te veel losse projecten naast elkaar; er is nog niet gekozen welke voorgaan." } },
    { 3, V, "De raad heeft de visie 'Gewoon opgroeien in Voorbeeldstad' en de veranderopgave vastgesteld, en de stuurgroep heeft zeven focusprojecten gekozen. Omhoog naar Waakzaam.",
      { "De stuurgroep komt maandelijks bij elkaar, maar de agenda wordt nog gedomineerd door het financiële tekort.",
        "De koppeling tussen doelen en maatregelen is nog niet voor elk focusproject helder.",
        "Eigenaarschap per onderwerp is belegd; nog niet alle eigenaren rapporteren op tijd." } },
    { 14, C, "Het college stuurt elk kwartaal op de routekaart; keuzes over budget en capaciteit worden onderbouwd met de indicatoren. In controle.",
      { "Besluiten in de stuurgroep zijn gebaseerd op de voortgangsrapportage; de raad volgt de routekaart.",
        "Visie en doelen staan; de discussie gaat nu over het tempo, niet meer over de richting." } } } },
  [TOEGANG] = { ESTHER, {
    { 0, S, "Nulmeting: 52 % van de verwijzingen loopt via de huisarts buiten het lokale team om en de wachttijd is ruim negen weken. Beschikkingen hebben vaak geen einddatum.",
      { "De wachttijd blijft boven de acht weken en er is geen actueel overzicht van wie er wacht.",
        "Het lokale team kampt met verloop; generalisten verwijzen sneller door dan gewenst.",
        "De eerste werkafspraken met huisartsen zijn gemaakt; de verwijzingen buiten het lokale team om blijven hoog." } },
    { 8, V, "De POH-jeugd in de pilotpraktijken werkt: minder directe verwijzingen, en het lokale team handelt meer hulpvragen zelf af. Omhoog naar Waakzaam.",
      { "Verwijzingen via de huisarts dalen, maar de wachttijden zijn nog te lang.",
        "De werkafspraken met de huisartsen lopen; met de GI zijn ze nog in de maak.",
        "Het lokale team handelt twee derde van de hulpvragen zelf af; het doel is driekwart." } },
    { 13, S, "Terug naar Ernstig: de wachttijd loopt weer op door vier vacatures in het lokale team en de sluiting van een GGZ-aanbieder in de regio.",
      { "Het herstelplan wachttijden is in uitvoering, maar de wachttijd daalt nog niet.",
        "Het flexteam spreekt alle wachtenden; de wachttijd blijft boven de tien weken.",
        "De werving van generalisten loopt achter; de verwijzingen via de huisarts dalen wel verder." } } } },
  [PREVENTIE] = { BART, {
    { 0, S, "Nulmeting: het voorliggend veld bestaat uit ruim dertig losse subsidies zonder resultaatafspraken; de toegang kent het aanbod nauwelijks.",
      { "De herijking van de subsidies is gestart; een effect op de instroom in maatwerk is nog niet zichtbaar.",
        "De sociale kaart is verouderd; generalisten verwijzen nog vaak direct naar maatwerk.",
        "De eerste jeugdhulpverleners op school zijn gestart; het is te vroeg om effect te zien." } },
    { 10, V, "Jeugdhulp op school draait op alle middelbare scholen en de welzijnssubsidies hebben nu doelen. Omhoog naar Waakzaam.",
      { "Het aantal jeugdigen met jeugdhulp daalt licht; het aandeel lichte hulp via school stijgt.",
        "De onderwijs-zorgarrangementen in het speciaal onderwijs lopen; het samenwerkingsverband wil meebetalen.",
        "De opvoedondersteuning wordt goed bezocht; het effect op maatwerk wordt gevolgd." } } } },
  [INKOOP] = { PETRA, {
    { 0, S, "Nulmeting: open house met 143 gecontracteerde aanbieders, tarieven niet onderbouwd en geen sturing op volume of resultaat.",
      { "Het kostprijsonderzoek loopt; nieuwe aanbieders blijven zich melden onder het open-housecontract.",
        "De regionale afstemming over de inkoopstrategie kost meer tijd dan gepland." } },
    { 6, V, "Het kostprijsonderzoek is afgerond en de regio heeft de inkoopstrategie herijkt: resultaatgericht en met minder aanbieders. Omhoog naar Waakzaam.",
      { "De aanbestedingsdocumenten zijn in voorbereiding; de oude contracten lopen nog.",
        "Marktconsultatie gehouden: aanbieders steunen resultaatfinanciering maar maken zich zorgen over de overgang.",
        "De regionale besluitvorming over de aanbesteding is afgerond; de publicatie volgt." } },
    { 15, C, "De aanbesteding resultaatgerichte jeugdhulp is gegund aan negen hoofdaanbieders, met kostprijs-onderbouwde tarieven en budgetplafonds. In controle.",
      { "De implementatie van de nieuwe contracten ligt op schema; de eerste gesprekken met de hoofdaanbieders zijn gevoerd.",
        "De overgang van cliënten naar de hoofdaanbieders is voorbereid zonder breuken in de zorg." } } } },
  [CONTRACT] = { JOOST, {
    { 0, S, "Nulmeting: er zijn geen periodieke contractgesprekken, productiecijfers per aanbieder ontbreken en overschrijdingen komen pas bij de jaarrekening boven.",
      { "De declaratiedata per aanbieder zijn nog onvolledig; gesprekken gaan alleen over incidenten.",
        "Een overzicht van de vijf aanbieders met de hoogste kosten is gemaakt; de gesprekken worden voorbereid." } },
    { 5, V, "Kwartaalgesprekken met de vijf grootste aanbieders zijn gestart op basis van declaratiedata. Omhoog naar Waakzaam.",
      { "De gesprekken met de grootste aanbieders lopen volgens plan; de afspraken over uitstroom zijn nog niet hard.",
        "Afwijkingen in de productie worden gesignaleerd; de opvolging verschilt per aanbieder." } },
    { 9, S, "Terug naar Ernstig: een grote aanbieder van verblijf is in financiële problemen geraakt en eiste hogere tarieven; veertig cliënten moesten worden overgeplaatst.",
      { "Het continuïteitsoverleg met de aanbieder is wekelijks; de overplaatsingen lopen.",
        "De meeste cliënten zijn overgeplaatst; de tariefdiscussie met de aanbieder loopt nog." } },
    { 12, V, "De continuïteit van zorg is geborgd, de contractgesprekken zijn weer op schema en er zijn escalatieafspraken vastgelegd. Weer Waakzaam.",
      { "De gesprekken met de grootste aanbieders lopen weer volgens plan; de afspraken over uitstroom zijn nog niet hard.",
        "Afwijkingen worden gesignaleerd en volgens de escalatieafspraken opgevolgd.",
        "De budgetplafonds zijn in voorbereiding en de aanbieders zijn geïnformeerd." } } } },
  [FINANCIEN] = { AHMED, {
    { 0, S, "Nulmeting: een tekort op de jeugdhulp van 4,2 miljoen euro op een begroting van 22 miljoen; de prognose wisselt elke maand.",
      { "Er is een maandprognose, maar nabetalingen over vorig jaar vertroebelen het beeld.",
        "Het kosteninzicht per verwijzer is beschikbaar; de uitgaven stijgen nog.",
        "De uitgaven per maand zijn stabiel op een te hoog niveau; de besparingen van maatregelen zijn nog niet zichtbaar." } },
    { 12, V, "De kosten per maand dalen al enkele maanden en liggen onder de signaalwaarde van 2 miljoen; de prognose is stabiel. Omhoog naar Waakzaam.",
      { "De kosten per maand liggen onder de signaalwaarde; het doel van 1,75 miljoen is nog niet bereikt.",
        "De prognose sluit aan op de werkelijkheid; de besparing per maatregel is nog grof geschat.",
        "De begroting voor volgend jaar is gebaseerd op de trend; de raad kan zich vinden in de onderbouwing." } } } },
  [INFORMATIE] = { LINDA, {
    { 0, V, "Nulmeting: er is een BI-team met een maandrapportage jeugdhulp; analyses per verwijzer zijn nog handwerk.",
      { "De maandrapportage komt op tijd; de definities verschillen nog per afdeling.",
        "Het kosteninzicht per verwijzer is met de hand samengesteld; automatiseren wacht op het nieuwe zaaksysteem." } },
    { 7, S, "Terug naar Ernstig: bij de overgang naar het nieuwe zaaksysteem zijn de registraties van drie maanden onvolledig; de cijfers zijn tijdelijk onbetrouwbaar.",
      { "De achterstand in registraties wordt weggewerkt; de cijfers van de afgelopen maanden worden gecorrigeerd.",
        "Het berichtenverkeer met aanbieders hapert; veel berichten worden afgekeurd." } },
    { 10, V, "De migratie is afgerond en de achterstand in registraties is weggewerkt; het dashboard draait weer. Weer Waakzaam.",
      { "Het kwartaaldashboard is in gebruik bij de stuurgroep; de definities zijn nog niet overal gelijk.",
        "Eén definitieset voor de kerncijfers is vastgesteld; analyses per verwijzer worden geautomatiseerd.",
        "De datakwaliteit van het berichtenverkeer is verbeterd: minder dan 2 % afgekeurde berichten." } } } },
  [MONITORING] = { SANNE, {
    { 0, S, "Nulmeting: er wordt niet gemeten of maatregelen effect hebben; de raad krijgt losse cijfers zonder duiding.",
      { "De indicatoren zijn in concept; de nulmeting is voor de meeste cijfers nog niet compleet.",
        "De rapportage aan de raad komt te laat om bij te sturen." } },
    { 4, V, "Een vaste set van negen indicatoren met signaalwaarden is vastgesteld en de eerste routekaart is gedeeld met de stuurgroep. Omhoog naar Waakzaam.",
      { "De gripmeting per onderwerp gebeurt maandelijks; de effecten van maatregelen worden nog niet systematisch gevolgd.",
        "De raad vraagt om meer duiding bij de cijfers.",
        "Een evaluatiekader voor maatregelen is vastgesteld; de eerste evaluaties volgen." } },
    { 16, C, "De voortgangsrapportage verschijnt nu elk kwartaal op tijd, met gripniveaus en besluiten; maatregelen zonder effect worden gestopt. In controle.",
      { "De rapportagecyclus loopt; de raad stelt vragen aan de hand van de routekaart.",
        "Maatregelen worden na een jaar geëvalueerd en zo nodig gestopt." } } } },
  [UITVOERING] = { NOOR, {
    { 0, S, "Nulmeting: een achterstand van 380 aanvragen en herindicaties; de wettelijke termijn voor Wmo-aanvragen wordt bij een derde overschreden.",
      { "De achterstand daalt langzaam; het ziekteverzuim in de backoffice blijft hoog.",
        "Er is inhuur nodig om de termijnen te halen; de werkprocessen verschillen per team.",
        "Het flexteam werkt de achterstand weg; de doorlooptijd begint te dalen." } },
    { 11, V, "Het flexteam heeft de achterstand weggewerkt en de werkprocessen zijn uniform beschreven; de termijnen worden meestal gehaald. Omhoog naar Waakzaam.",
      { "De doorlooptijd van Wmo-aanvragen ligt binnen de termijn; de bezetting blijft kwetsbaar.",
        "De vacatures in de backoffice zijn ingevuld; het inwerken kost capaciteit.",
        "De werkprocessen zijn uniform en het aantal bezwaren daalt." } } } },
};

#undef S
#undef V
#undef C

/* Said after a rationale in a month without a change of level. */
static const char * const steady_remarks[] = {
  "",
  " Besproken in het programmateam.",
  "",
  " Geen aanleiding om het niveau aan te passen.",
  " De cijfers van deze maand bevestigen het beeld.",
  " Punt voor de stuurgroep.",
};

static guint
count_variants (const char * const *variants)
{
  guint n = 0;

  while (n < MAX_VARIANTS && variants[n] != NULL)
    n++;
  return n;
}

static void
write_demo_assessments (GkDemoWriter *w,
                        const gint64 *topic_ids,
                        const gint64 *person_ids)
{
  for (int t = 1; t < N_TOPICS; t++)
    {
      const TopicStory *story = &topic_stories[t];
      const Turn *turn = &story->turns[0];

      for (int month = 0; month < N_ASSESSMENTS; month++)
        {
          g_autofree char *rationale = NULL;
          int since;
          int confidence;

          for (int k = 0; k < MAX_TURNS && story->turns[k].rationale != NULL; k++)
            if (story->turns[k].month <= month)
              turn = &story->turns[k];
          since = month - turn->month;

          if (since == 0)
            rationale = g_strdup (turn->rationale);
          else
            rationale = g_strconcat (turn->follow_ups[(since - 1) % count_variants (turn->follow_ups)],
                                     steady_remarks[(month * 7 + t * 3) % G_N_ELEMENTS (steady_remarks)],
                                     NULL);

          /* A new level is judged with some doubt, which shrinks while it
           * holds and as the team gets used to assessing. */
          confidence = MIN (9, 5 + month / 9 + since / 3);

          gk_demo_writer_run (w,
                              "INSERT INTO assessment (topic_id, date, level, rationale, confidence,"
                              " assessed_by_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              "IsssiNTs",
                              topic_ids[t],
                              gk_demo_months_and_days_from_reference (w, month - (N_ASSESSMENTS - 1), -2),
                              gk_level_to_key (turn->level), rationale, confidence,
                              person_ids[story->owner], demo_people[story->owner].name);
        }
    }
}

/* --- focus projects ------------------------------------------------------- */

enum {
  NO_PROJECT,
  POH, SCHOOL, VERWIJZINGEN, CONTRACTEREN, WACHTTIJDEN, RESIDENTIEEL, UITSTROOM,
  N_PROJECTS
};

typedef struct {
  const char     *name;
  const char     *goal;
  int             owner;
  GkChainPhase    phase;
  const char     *domains;
  GkProjectStatus status;
  GkHealth        health;
  const char     *health_reason;
  int             start_month;
  int             end_month;
  gint64          budget_euros;
  gint64          saving_euros;
  int             topics[4];
} DemoProject;

static const DemoProject demo_projects[N_PROJECTS] = {
  [POH] = {
    "POH-jeugd in elke huisartsenpraktijk",
    "Elke huisartsenpraktijk in Voorbeeldstad heeft een praktijkondersteuner jeugd, zodat kinderen en ouders dichtbij lichte hulp krijgen en minder vaak direct naar specialistische jeugdhulp worden verwezen.",
    FATIMA, GK_CHAIN_PHASE_INFLOW, "jeugd", GK_PROJECT_STATUS_ACTIVE, GK_HEALTH_ON_TRACK,
    "Tien van de veertien praktijken hebben een POH-jeugd; de werving voor de laatste vier loopt.",
    -18, 10, 420000, 950000, { TOEGANG, PREVENTIE },
  },
  [SCHOOL] = {
    "Jeugdhulp op school",
    "Op alle scholen is lichte jeugdhulp beschikbaar in of naast de klas, samen met het samenwerkingsverband passend onderwijs, zodat minder kinderen een individueel traject nodig hebben.",
    BART, GK_CHAIN_PHASE_INFLOW, "jeugd", GK_PROJECT_STATUS_ACTIVE, GK_HEALTH_ON_TRACK,
    "Alle middelbare scholen zijn gedekt; basisonderwijs en speciaal onderwijs volgen volgens plan.",
    -17, 12, 310000, 600000, { PREVENTIE, TOEGANG },
  },
  [VERWIJZINGEN] = {
    "Sturen op verwijzingen",
    "Zicht op en afspraken met alle verwijzers, zodat het aandeel verwijzingen buiten het lokale team om daalt van 52 % naar 35 %.",
    AHMED, GK_CHAIN_PHASE_INFLOW, "jeugd", GK_PROJECT_STATUS_ACTIVE, GK_HEALTH_ON_TRACK,
    "De gesprekken met de grootste verwijzers lopen; de afspraken met de GI zijn bijna rond.",
    -15, 9, 90000, 700000, { TOEGANG, FINANCIEN, INFORMATIE },
  },
  [CONTRACTEREN] = {
    "Resultaatgericht contracteren",
    "Jeugdhulp is resultaatgericht ingekocht bij een beperkt aantal hoofdaanbieders, met kostprijs-onderbouwde tarieven en budgetplafonds.",
    PETRA, GK_CHAIN_PHASE_THROUGHPUT, "jeugd", GK_PROJECT_STATUS_ACTIVE, GK_HEALTH_ON_TRACK,
    "De aanbesteding is gegund; de implementatie van de nieuwe contracten ligt op schema.",
    -18, 8, 250000, 1800000, { INKOOP, CONTRACT, FINANCIEN },
  },
  [WACHTTIJDEN] = {
    "Wachttijden omlaag",
    "Niemand wacht langer dan vier weken op jeugdhulp, en wie wacht heeft contact en krijgt zo nodig overbruggingszorg.",
    ESTHER, GK_CHAIN_PHASE_THROUGHPUT, "jeugd,wmo", GK_PROJECT_STATUS_ACTIVE, GK_HEALTH_OFF_TRACK,
    "De wachttijd is gestegen naar ruim tien weken door vier vacatures in het lokale team en de sluiting van een GGZ-aanbieder; een herstelplan ligt bij de stuurgroep.",
    -12, 6, 380000, 150000, { TOEGANG, UITVOERING },
  },
  [RESIDENTIEEL] = {
    "Afbouw residentieel",
    "Het aantal residentiële plaatsingen daalt van 64 naar 45, doordat kinderen vaker in een pleeggezin, een gezinshuis of met intensieve ambulante hulp thuis opgroeien.",
    JOOST, GK_CHAIN_PHASE_THROUGHPUT, "jeugd", GK_PROJECT_STATUS_ACTIVE, GK_HEALTH_AT_RISK,
    "Te weinig nieuwe pleeggezinnen en gezinshuisplekken; zonder extra capaciteit stagneert de afbouw.",
    -16, 14, 520000, 1400000, { CONTRACT, INKOOP, FINANCIEN },
  },
  [UITSTROOM] = {
    "Uitstroom en nazorg",
    "Trajecten eindigen op tijd met een warme overdracht aan het lokale team, en jongeren van 18 gaan zonder breuk over naar Wmo of Participatie.",
    NOOR, GK_CHAIN_PHASE_OUTFLOW, "jeugd,wmo,participatie", GK_PROJECT_STATUS_DRAFT, GK_HEALTH_ON_TRACK,
    "Het projectplan is in concept; de start volgt na het besluit in de stuurgroep.",
    1, 18, 180000, 500000, { TOEGANG, UITVOERING, CONTRACT },
  },
};

/* --- measures ---------------------------------------------------------- */

enum {
  NO_MEASURE,
  /* POH-jeugd */
  M_CONVENANT, M_POH_PILOT, M_POH_UITROL, M_POH_WERVING, M_TERUGKOPPELING, M_POH_BEGROTING,
  M_VERWIJSPORTAAL,
  /* Jeugdhulp op school */
  M_SCHOOL_VO, M_OZA, M_SMW_BASIS, M_SCHOOL_CONTACT, M_AFSPRAKEN_SWV, M_ONTSCHOTTEN,
  M_HUISWERK,
  /* Sturen op verwijzingen */
  M_KOSTEN_VERWIJZER, M_GESPREKKEN_VERWIJZERS, M_AFSPRAKEN_GI, M_STANDAARDROUTE,
  M_VERWIJSMONITOR, M_TOETS_SPECIALIST, M_MEEBETALEN,
  /* Resultaatgericht contracteren */
  M_KOSTPRIJS, M_INKOOPSTRATEGIE, M_AANBESTEDING, M_CONTRACTGESPREKKEN, M_BUDGETPLAFONDS,
  M_OVERGANG, M_INDEXATIE, M_BONUS_MALUS,
  /* Wachttijden omlaag */
  M_WACHTLIJSTBEHEER, M_FLEXTEAM, M_GENERALISTEN, M_OVERBRUGGING, M_TRIAGE,
  M_GGZ_AFSPRAKEN, M_WERKPROCESSEN,
  /* Afbouw residentieel */
  M_ANALYSE_VERBLIJF, M_GEZINSHUIZEN, M_PLEEGOUDERS, M_AMBULANT, M_PERSPECTIEFPLAN,
  M_EIGEN_VOORZIENING,
  /* Uitstroom en nazorg */
  M_EINDDATUM, M_UITSTROOMCOACHING, M_HERBEOORDELING, M_NAZORG, M_18MIN_18PLUS,
  N_MEASURES
};

typedef struct {
  int     topic;
  GkLevel level;
  int     days;             /* target date, days from the reference date */
} DemoTarget;

typedef struct {
  int             project;
  const char     *title;
  const char     *description;
  int             owner;
  GkMeasureStatus status;
  GkMeasureKind   kind;
  int             start;    /* days from the reference date, or NO_DATE */
  int             due;
  int             done;     /* only for done measures */
  int             progress;
  const char     *effect;
  gint64          saving_euros;
  DemoTarget      targets[2];
} DemoMeasure;

#define IDEA GK_MEASURE_STATUS_IDEA
#define PLANNED GK_MEASURE_STATUS_PLANNED
#define IN_PROGRESS GK_MEASURE_STATUS_IN_PROGRESS
#define DONE GK_MEASURE_STATUS_DONE
#define DROPPED GK_MEASURE_STATUS_DROPPED
#define QUICK GK_MEASURE_KIND_QUICK_WIN
#define STRUCTURAL GK_MEASURE_KIND_STRUCTURAL
#define S GK_LEVEL_SERIOUS
#define V GK_LEVEL_VIGILANT
#define C GK_LEVEL_IN_CONTROL

static const DemoMeasure demo_measures[N_MEASURES] = {
  /* --- POH-jeugd in elke huisartsenpraktijk --- */
  [M_CONVENANT] = { POH, "Convenant met de huisartsenkring",
    "Afspraken met de huisartsenkring over de inzet van de POH-jeugd, de werkwijze en het terugdringen van directe verwijzingen.",
    FATIMA, DONE, QUICK, -560, -500, -510, 100,
    "Alle huisartsen committeren zich aan de POH-jeugd en aan werkafspraken over verwijzen.", 0,
    { { TOEGANG, V, -300 } } },
  [M_POH_PILOT] = { POH, "POH-jeugd in vier pilotpraktijken",
    "Vier praktijken starten met een POH-jeugd in dienst van het lokale team; evaluatie na negen maanden.",
    FATIMA, DONE, STRUCTURAL, -480, -250, -255, 100,
    "Eerste ervaring; circa 30 % minder verwijzingen naar specialistische jeugdhulp in de pilotpraktijken.", 120000,
    { { TOEGANG, V, -200 } } },
  [M_POH_UITROL] = { POH, "Uitrol POH-jeugd naar alle veertien praktijken",
    "Na de positieve evaluatie krijgt elke praktijk een POH-jeugd; vier praktijken per kwartaal.",
    FATIMA, IN_PROGRESS, STRUCTURAL, -240, 150, 0, 70,
    "Lichte hulp dichtbij in elke praktijk; het aandeel verwijzingen via de huisarts daalt naar 35 %.", 450000,
    { { TOEGANG, C, 270 }, { PREVENTIE, V, 150 } } },
  [M_POH_WERVING] = { POH, "Werving en scholing van POH's jeugd",
    "Werving van zes POH's en een gezamenlijk scholingsprogramma met de huisartsen.",
    NOOR, IN_PROGRESS, QUICK, -200, -20, 0, 80,
    "Voldoende gekwalificeerde POH's, zodat geen praktijk zonder begint.", 0,
    { { TOEGANG, V, 60 } } },
  [M_TERUGKOPPELING] = { POH, "Terugkoppeling van verwijsgedrag aan praktijken",
    "Elke praktijk krijgt per kwartaal een overzicht van de eigen verwijzingen en bespreekt dat met de POH.",
    LINDA, PLANNED, QUICK, 10, 100, 0, 0,
    "Huisartsen zien hun eigen verwijspatroon en sturen daar zelf op.", 80000,
    { { TOEGANG, C, 200 } } },
  [M_POH_BEGROTING] = { POH, "POH-jeugd structureel in de begroting",
    "De POH-jeugd wordt nu uit de transformatiemiddelen betaald; structurele dekking is nodig.",
    AHMED, IDEA, STRUCTURAL, NO_DATE, 240, 0, 0,
    "Zekerheid voor huisartsen en POH's na afloop van het programma.", 0,
    { { FINANCIEN, V, 240 } } },
  [M_VERWIJSPORTAAL] = { POH, "Digitaal verwijsportaal voor huisartsen",
    "Gestopt: huisartsen verwijzen al via het regionale systeem; een eigen portaal zou dubbel werk opleveren.",
    LINDA, DROPPED, STRUCTURAL, -330, -150, 0, 15,
    "Verwijzingen digitaal en met vaste vragen.", 0,
    { { INFORMATIE, V, -150 } } },

  /* --- Jeugdhulp op school --- */
  [M_SCHOOL_VO] = { SCHOOL, "Jeugdhulpverlener op elke middelbare school",
    "Een jeugdhulpverlener van het lokale team werkt twee dagen per week op elke middelbare school.",
    BART, DONE, STRUCTURAL, -510, -330, -340, 100,
    "Vroege hulp zonder verwijzing; minder leerlingen met individuele jeugdhulp.", 250000,
    { { PREVENTIE, V, -300 } } },
  [M_OZA] = { SCHOOL, "Onderwijs-zorgarrangementen in het speciaal onderwijs",
    "Groepsgewijze hulp in de klas in plaats van individuele trajecten, samen gefinancierd met het samenwerkingsverband.",
    BART, IN_PROGRESS, STRUCTURAL, -280, 120, 0, 55,
    "Veertig individuele trajecten minder en meer rust in de klas.", 380000,
    { { PREVENTIE, C, 240 }, { FINANCIEN, V, 180 } } },
  [M_SMW_BASIS] = { SCHOOL, "Schoolmaatschappelijk werk in het basisonderwijs uitbreiden",
    "Van acht naar alle 22 basisscholen, met een vast spreekuur voor ouders.",
    NOOR, IN_PROGRESS, STRUCTURAL, -150, 200, 0, 35,
    "Opvoedvragen worden op school beantwoord; minder verwijzingen naar maatwerk.", 150000,
    { { PREVENTIE, C, 300 } } },
  [M_SCHOOL_CONTACT] = { SCHOOL, "Vaste contactpersoon van het lokale team per school",
    "Elke school weet wie zij bij het lokale team kan bellen.",
    NOOR, DONE, QUICK, -420, -360, -365, 100,
    "Snellere en lichtere hulp bij zorgen over een leerling.", 0,
    { { TOEGANG, V, -300 } } },
  [M_AFSPRAKEN_SWV] = { SCHOOL, "Afspraken met het samenwerkingsverband passend onderwijs",
    "Een gezamenlijke agenda en verdeling van kosten voor hulp in en om de school.",
    BART, PLANNED, STRUCTURAL, 20, 180, 0, 0,
    "Onderwijs betaalt mee aan hulp in de klas; geen discussie meer per leerling.", 100000,
    { { PREVENTIE, C, 240 } } },
  [M_ONTSCHOTTEN] = { SCHOOL, "Gezamenlijk budget onderwijs en jeugdhulp",
    "Onderzoeken of één ontschot budget voor onderwijs en jeugdhulp mogelijk is.",
    AHMED, IDEA, STRUCTURAL, NO_DATE, 365, 0, 0,
    "Minder administratie en betere aansluiting tussen school en hulp.", 0,
    { { FINANCIEN, C, 365 } } },
  [M_HUISWERK] = { SCHOOL, "Huiswerkbegeleiding als jeugdhulp",
    "Gestopt: huiswerkbegeleiding valt niet onder de Jeugdwet en hoort bij het onderwijs.",
    BART, DROPPED, QUICK, -300, -240, 0, 0,
    "Minder uitval op school.", 0,
    { { PREVENTIE, V, -240 } } },

  /* --- Sturen op verwijzingen --- */
  [M_KOSTEN_VERWIJZER] = { VERWIJZINGEN, "Kosteninzicht per verwijzer",
    "Analyse van de declaraties per huisarts, GI, medisch specialist en lokaal team.",
    AHMED, DONE, QUICK, -450, -400, -420, 100,
    "Zicht op waar de kosten vandaan komen; basis voor gesprekken met verwijzers.", 0,
    { { FINANCIEN, V, -300 }, { INFORMATIE, V, -300 } } },
  [M_GESPREKKEN_VERWIJZERS] = { VERWIJZINGEN, "Gesprekken met de tien grootste verwijzers",
    "De controller en de beleidsmaker jeugd bespreken de cijfers met de tien praktijken die het meest verwijzen.",
    AHMED, IN_PROGRESS, QUICK, -120, -10, 0, 70,
    "Minder verwijzingen naar zware zorg waar lichte hulp volstaat.", 300000,
    { { TOEGANG, V, 30 } } },
  [M_AFSPRAKEN_GI] = { VERWIJZINGEN, "Werkafspraken met de gecertificeerde instellingen",
    "Afspraken met de GI over het betrekken van het lokale team voordat zij verwijzen, en over kosten en duur.",
    FATIMA, IN_PROGRESS, STRUCTURAL, -180, 90, 0, 50,
    "Passender hulp bij jeugdbescherming en kortere trajecten.", 200000,
    { { TOEGANG, C, 180 } } },
  [M_STANDAARDROUTE] = { VERWIJZINGEN, "Verwijzing via het lokale team als standaardroute",
    "Met huisartsen en jeugdartsen afspreken dat het lokale team eerst meekijkt, behalve bij spoed.",
    ESTHER, PLANNED, STRUCTURAL, 30, 240, 0, 0,
    "Het lokale team ziet driekwart van de hulpvragen als eerste.", 250000,
    { { TOEGANG, C, 300 } } },
  [M_VERWIJSMONITOR] = { VERWIJZINGEN, "Maandelijkse verwijsmonitor",
    "Een vaste maandrapportage met verwijzingen per verwijzer, product en aanbieder.",
    LINDA, DONE, QUICK, -360, -280, -290, 100,
    "Trends in verwijzingen worden binnen een maand gezien.", 0,
    { { INFORMATIE, V, -250 } } },
  [M_TOETS_SPECIALIST] = { VERWIJZINGEN, "Toets op verwijzingen door medisch specialisten",
    "Verwijzingen door medisch specialisten laten meekijken door een gedragswetenschapper van de gemeente.",
    ESTHER, IDEA, STRUCTURAL, NO_DATE, 270, 0, 0,
    "Minder onnodige specialistische trajecten.", 100000,
    { { TOEGANG, C, 365 } } },
  [M_MEEBETALEN] = { VERWIJZINGEN, "Verwijzers financieel laten meebetalen",
    "Gestopt: juridisch niet mogelijk onder de Jeugdwet en schadelijk voor de samenwerking met huisartsen.",
    AHMED, DROPPED, STRUCTURAL, -200, -150, 0, 0,
    "Prikkel om minder te verwijzen.", 0,
    { { FINANCIEN, V, -150 } } },

  /* --- Resultaatgericht contracteren --- */
  [M_KOSTPRIJS] = { CONTRACTEREN, "Kostprijsonderzoek jeugdhulp",
    "Met een extern bureau en de regio reële tarieven per product bepalen op basis van kostprijzen.",
    PETRA, DONE, STRUCTURAL, -480, -330, -340, 100,
    "Onderbouwde tarieven; geen overbetaling en geen onderbetaling die de continuïteit bedreigt.", 400000,
    { { INKOOP, V, -330 } } },
  [M_INKOOPSTRATEGIE] = { CONTRACTEREN, "Inkoopstrategie jeugdhulp herijken",
    "De regio kiest voor resultaatgerichte bekostiging en een beperkt aantal hoofdaanbieders.",
    PETRA, DONE, STRUCTURAL, -400, -300, -290, 100,
    "Eén richting voor de inkoop in de hele regio.", 0,
    { { INKOOP, V, -270 } } },
  [M_AANBESTEDING] = { CONTRACTEREN, "Aanbesteding resultaatgerichte jeugdhulp",
    "Regionale aanbesteding met negen percelen; gunning aan hoofdaanbieders die verantwoordelijk zijn voor het hele zorgpad.",
    PETRA, IN_PROGRESS, STRUCTURAL, -270, 120, 0, 80,
    "Voorspelbare kosten, sturing op uitstroom en minder aanbieders.", 1200000,
    { { INKOOP, C, 120 }, { CONTRACT, C, 300 } } },
  [M_CONTRACTGESPREKKEN] = { CONTRACTEREN, "Contractgesprekken met de vijf grootste aanbieders",
    "Kwartaalgesprekken op basis van productie, kosten, doorlooptijd en uitstroom per aanbieder.",
    JOOST, DONE, QUICK, -420, -360, -370, 100,
    "Overschrijdingen worden vroeg gezien en afspraken worden opgevolgd.", 200000,
    { { CONTRACT, V, -360 } } },
  [M_BUDGETPLAFONDS] = { CONTRACTEREN, "Budgetplafonds per aanbieder",
    "Een maximale jaaromzet per aanbieder, met een procedure voor spoed en uitzonderingen.",
    JOOST, IN_PROGRESS, STRUCTURAL, -90, 60, 0, 40,
    "De kosten blijven binnen het budget; aanbieders sturen zelf op volume.", 600000,
    { { CONTRACT, C, 180 }, { FINANCIEN, V, 120 } } },
  [M_OVERGANG] = { CONTRACTEREN, "Overgangsregeling voor zorgcontinuïteit",
    "Cliënten bij aanbieders zonder nieuw contract maken hun traject af of gaan warm over.",
    PETRA, PLANNED, STRUCTURAL, 30, 180, 0, 0,
    "Geen breuken in de zorg bij de overgang naar de nieuwe contracten.", 0,
    { { INKOOP, C, 180 } } },
  [M_INDEXATIE] = { CONTRACTEREN, "Tariefindexatie aan voorwaarden verbinden",
    "Indexatie alleen voor aanbieders die hun productie- en uitstroomcijfers tijdig aanleveren.",
    PETRA, IDEA, QUICK, NO_DATE, 200, 0, 0,
    "Betere data en een prikkel voor tijdige verantwoording.", 50000,
    { { CONTRACT, C, 300 } } },
  [M_BONUS_MALUS] = { CONTRACTEREN, "Bonus-malus op uitstroom",
    "Gestopt: botst met de overgangsregeling en aanbieders zouden moeilijke cliënten gaan weigeren.",
    JOOST, DROPPED, STRUCTURAL, -240, -120, 0, 10,
    "Prikkel voor snellere uitstroom.", 0,
    { { CONTRACT, C, -120 } } },

  /* --- Wachttijden omlaag --- */
  [M_WACHTLIJSTBEHEER] = { WACHTTIJDEN, "Wachtlijstbeheer met actief contact",
    "Eén overzicht van alle wachtenden; elke wachtende wordt minstens eens per maand gebeld.",
    ESTHER, DONE, QUICK, -330, -270, -280, 100,
    "Bekende wachttijden en niemand wacht zonder contact.", 0,
    { { TOEGANG, V, -240 } } },
  [M_FLEXTEAM] = { WACHTTIJDEN, "Flexteam toegang om de wachtlijst weg te werken",
    "Een tijdelijk team van vier ervaren generalisten spreekt alle wachtenden en zet hulp in.",
    ESTHER, IN_PROGRESS, QUICK, -100, -15, 0, 60,
    "De wachtlijst is binnen drie maanden gehalveerd.", 0,
    { { TOEGANG, V, 30 }, { UITVOERING, V, 30 } } },
  [M_GENERALISTEN] = { WACHTTIJDEN, "Werving van vijf extra generalisten",
    "Vijf vaste generalisten erbij in het lokale team, met een inwerkprogramma.",
    KEES, IN_PROGRESS, STRUCTURAL, -150, -30, 0, 40,
    "Voldoende capaciteit om de wachttijd duurzaam onder vier weken te brengen.", 0,
    { { TOEGANG, V, 60 }, { UITVOERING, C, 240 } } },
  [M_OVERBRUGGING] = { WACHTTIJDEN, "Overbruggingszorg tijdens het wachten",
    "Wie langer dan vier weken wacht, krijgt lichte hulp van het lokale team of een aanbieder.",
    JOOST, PLANNED, QUICK, 7, 60, 0, 0,
    "Minder escalaties tijdens het wachten.", 0,
    { { TOEGANG, V, 90 } } },
  [M_TRIAGE] = { WACHTTIJDEN, "Triage aan de voordeur",
    "Een dagelijkse triage van nieuwe hulpvragen door een generalist en een gedragswetenschapper.",
    NOOR, IN_PROGRESS, STRUCTURAL, -60, 120, 0, 25,
    "Spoed wordt direct opgepakt, en lichte vragen gaan meteen naar het voorliggend veld.", 100000,
    { { TOEGANG, C, 240 } } },
  [M_GGZ_AFSPRAKEN] = { WACHTTIJDEN, "Regionale wachtlijstafspraken met GGZ-aanbieders",
    "Afspraken in de regio over het overnemen van wachtenden als een aanbieder stopt.",
    PETRA, IDEA, STRUCTURAL, NO_DATE, 180, 0, 0,
    "Geen nieuwe wachtlijstpiek bij het wegvallen van een aanbieder.", 0,
    { { INKOOP, C, 300 } } },
  [M_WERKPROCESSEN] = { WACHTTIJDEN, "Werkprocessen toegang uniformeren",
    "Eén werkwijze van melding tot beschikking voor alle teams, met checklists en training.",
    ESTHER, PLANNED, STRUCTURAL, 14, 180, 0, 0,
    "Kortere doorlooptijden en minder fouten in beschikkingen.", 50000,
    { { UITVOERING, C, 240 } } },

  /* --- Afbouw residentieel --- */
  [M_ANALYSE_VERBLIJF] = { RESIDENTIEEL, "Analyse van alle residentiële plaatsingen",
    "Per jongere in verblijf: waarom, hoe lang al, en wat is er nodig om naar huis of een gezinsvorm te gaan.",
    JOOST, DONE, QUICK, -420, -360, -365, 100,
    "Zicht op welke plaatsingen kunnen worden afgebouwd.", 0,
    { { CONTRACT, V, -330 } } },
  [M_GEZINSHUIZEN] = { RESIDENTIEEL, "Gezinshuizen uitbreiden",
    "Samen met twee aanbieders vier nieuwe gezinshuizen openen.",
    JOOST, IN_PROGRESS, STRUCTURAL, -250, 200, 0, 30,
    "Twaalf jongeren wonen in een gezinshuis in plaats van een leefgroep.", 900000,
    { { CONTRACT, C, 300 }, { FINANCIEN, V, 200 } } },
  [M_PLEEGOUDERS] = { RESIDENTIEEL, "Werving van pleegouders",
    "Een wervingscampagne met de pleegzorgaanbieder: vijftien nieuwe pleeggezinnen.",
    FATIMA, IN_PROGRESS, STRUCTURAL, -200, -5, 0, 65,
    "Meer kinderen groeien op in een gezin.", 300000,
    { { CONTRACT, V, 60 } } },
  [M_AMBULANT] = { RESIDENTIEEL, "Intensieve ambulante gezinsbehandeling als alternatief",
    "Een intensief ambulant aanbod inkopen dat uithuisplaatsing voorkomt.",
    PETRA, PLANNED, STRUCTURAL, 30, 270, 0, 0,
    "Minder nieuwe plaatsingen in verblijf.", 400000,
    { { INKOOP, C, 300 } } },
  [M_PERSPECTIEFPLAN] = { RESIDENTIEEL, "Perspectiefplan voor elke jongere in verblijf",
    "Elke jongere in verblijf heeft een plan met een datum waarop de plaatsing eindigt.",
    NOOR, DONE, QUICK, -300, -200, -210, 100,
    "Kortere verblijfsduur.", 150000,
    { { CONTRACT, V, -200 } } },
  [M_EIGEN_VOORZIENING] = { RESIDENTIEEL, "Bouw van een eigen residentiële voorziening",
    "Gestopt: strijdig met de afbouw van verblijf; de middelen gaan naar gezinshuizen.",
    KEES, DROPPED, STRUCTURAL, -360, -180, 0, 5,
    "Plaatsingen dichter bij huis.", 0,
    { { CONTRACT, V, -180 } } },

  /* --- Uitstroom en nazorg --- */
  [M_EINDDATUM] = { UITSTROOM, "Beschikkingen met einddatum en evaluatiemoment",
    "Elke nieuwe beschikking jeugdhulp krijgt een einddatum, concrete doelen en een evaluatie voor verlenging.",
    ESTHER, PLANNED, QUICK, 30, 120, 0, 0,
    "Trajecten lopen niet langer door dan nodig.", 350000,
    { { TOEGANG, C, 180 } } },
  [M_UITSTROOMCOACHING] = { UITSTROOM, "Uitstroom-coaching door het lokale team",
    "Het lokale team begeleidt gezinnen als de specialistische hulp stopt en houdt drie maanden contact.",
    NOOR, PLANNED, STRUCTURAL, 45, 240, 0, 0,
    "Snellere uitstroom en minder terugval.", 250000,
    { { UITVOERING, C, 300 } } },
  [M_HERBEOORDELING] = { UITSTROOM, "Herbeoordeling van trajecten langer dan twee jaar",
    "Alle jeugdhulptrajecten die langer dan twee jaar lopen worden met cliënt en aanbieder herbeoordeeld.",
    ESTHER, IDEA, STRUCTURAL, NO_DATE, 300, 0, 0,
    "Hulp die past bij de huidige situatie; afsluiten wat niet meer helpt.", 300000,
    { { TOEGANG, C, 365 } } },
  [M_NAZORG] = { UITSTROOM, "Nazorgafspraken met aanbieders",
    "Bij afsluiting draagt de aanbieder warm over aan het lokale team en is zij drie maanden bereikbaar.",
    JOOST, IDEA, QUICK, NO_DATE, 200, 0, 0,
    "Minder cliënten die binnen een jaar terugkomen.", 0,
    { { CONTRACT, C, 300 } } },
  [M_18MIN_18PLUS] = { UITSTROOM, "Doorgaande lijn 18-/18+",
    "Jongeren van 17 krijgen een plan voor de overgang naar Wmo, Participatiewet of zelfstandigheid.",
    RUUD, PLANNED, STRUCTURAL, 60, 300, 0, 0,
    "Geen breuk in ondersteuning en inkomen bij de achttiende verjaardag.", 0,
    { { UITVOERING, C, 365 } } },
};

#undef S
#undef V
#undef C

typedef struct {
  int        from;
  int        to;
  GkLinkKind kind;
} DemoLink;

static const DemoLink demo_links[] = {
  { M_POH_UITROL, M_POH_WERVING, GK_LINK_KIND_DEPENDS_ON },
  { M_POH_UITROL, M_POH_PILOT, GK_LINK_KIND_DEPENDS_ON },
  { M_TERUGKOPPELING, M_GESPREKKEN_VERWIJZERS, GK_LINK_KIND_REINFORCES },
  { M_KOSTEN_VERWIJZER, M_GESPREKKEN_VERWIJZERS, GK_LINK_KIND_REINFORCES },
  { M_VERWIJSMONITOR, M_TERUGKOPPELING, GK_LINK_KIND_REINFORCES },
  { M_OZA, M_SMW_BASIS, GK_LINK_KIND_REINFORCES },
  { M_AFSPRAKEN_SWV, M_OZA, GK_LINK_KIND_DEPENDS_ON },
  { M_ONTSCHOTTEN, M_AFSPRAKEN_SWV, GK_LINK_KIND_DEPENDS_ON },
  { M_STANDAARDROUTE, M_GENERALISTEN, GK_LINK_KIND_DEPENDS_ON },
  { M_STANDAARDROUTE, M_POH_UITROL, GK_LINK_KIND_REINFORCES },
  { M_MEEBETALEN, M_GESPREKKEN_VERWIJZERS, GK_LINK_KIND_CONFLICTS_WITH },
  { M_AANBESTEDING, M_KOSTPRIJS, GK_LINK_KIND_DEPENDS_ON },
  { M_AANBESTEDING, M_INKOOPSTRATEGIE, GK_LINK_KIND_DEPENDS_ON },
  { M_OVERGANG, M_AANBESTEDING, GK_LINK_KIND_DEPENDS_ON },
  { M_BONUS_MALUS, M_OVERGANG, GK_LINK_KIND_CONFLICTS_WITH },
  { M_BUDGETPLAFONDS, M_OVERBRUGGING, GK_LINK_KIND_CONFLICTS_WITH },
  { M_FLEXTEAM, M_WACHTLIJSTBEHEER, GK_LINK_KIND_REINFORCES },
  { M_TRIAGE, M_FLEXTEAM, GK_LINK_KIND_REINFORCES },
  { M_AMBULANT, M_GEZINSHUIZEN, GK_LINK_KIND_REINFORCES },
  { M_GEZINSHUIZEN, M_ANALYSE_VERBLIJF, GK_LINK_KIND_DEPENDS_ON },
  { M_EIGEN_VOORZIENING, M_GEZINSHUIZEN, GK_LINK_KIND_CONFLICTS_WITH },
  { M_UITSTROOMCOACHING, M_EINDDATUM, GK_LINK_KIND_DEPENDS_ON },
  { M_HERBEOORDELING, M_UITSTROOMCOACHING, GK_LINK_KIND_REINFORCES },
  { M_NAZORG, M_UITSTROOMCOACHING, GK_LINK_KIND_REINFORCES },
  { M_PERSPECTIEFPLAN, M_PLEEGOUDERS, GK_LINK_KIND_REINFORCES },
};

/* --- indicators -------------------------------------------------------- */

enum {
  NO_INDICATOR,
  I_KOSTEN, I_JEUGDIGEN, I_HUISARTS, I_WACHTTIJD, I_GENERALISTEN, I_WMO, I_RESIDENTIEEL,
  I_BIJSTAND, I_TEVREDENHEID,
  N_INDICATORS
};

#define N_MONTHLY_PERIODS 24
#define N_QUARTERLY_PERIODS 8

typedef struct {
  const char  *name;
  const char  *description;
  GkUnit       unit;
  GkDirection  direction;
  GkFrequency  frequency;
  double       target;
  double       signal_serious;
  double       signal_control;
  const char  *source;
  int          entered_by;
  /* The story of the figure: its value at 0, 25, 50, 75 and 100 % of the
   * measured period; path[0] is the baseline. */
  double       path[5];
  double       noise;          /* amplitude of the wobble around the path */
  double       season;         /* amplitude of a yearly cycle ... */
  int          peak_month;     /* ... that peaks in this month */
  double       step;           /* figures are rounded to this */
  int          topics[3];
  int          projects[3];
} DemoIndicator;

static const DemoIndicator demo_indicators[N_INDICATORS] = {
  [I_KOSTEN] = { "Jeugdhulpkosten per maand",
    "Gedeclareerde en toegerekende kosten van jeugdhulp met verblijf, specialistische en ambulante jeugdhulp per maand (zonder preventie en lokale teams).",
    GK_UNIT_EURO, GK_DIRECTION_LOWER_IS_BETTER, GK_FREQUENCY_MONTHLY,
    1750000, 2000000, 1800000, "Financiële administratie (declaraties iJw), maandafsluiting controller", AHMED,
    { 2150000, 2260000, 2120000, 1960000, 1860000 }, 30000, 25000, 12, 1000,
    { FINANCIEN }, { CONTRACTEREN, RESIDENTIEEL, VERWIJZINGEN } },
  [I_JEUGDIGEN] = { "Jeugdigen met jeugdhulp",
    "Aantal unieke jeugdigen met een lopende maatwerkvoorziening jeugdhulp op de eerste dag van de maand.",
    GK_UNIT_COUNT, GK_DIRECTION_LOWER_IS_BETTER, GK_FREQUENCY_MONTHLY,
    1300, 1450, 1320, "Zaaksysteem sociaal domein, beschikkingen jeugd", LINDA,
    { 1480, 1510, 1450, 1390, 1355 }, 10, 0, 1, 1,
    { TOEGANG, PREVENTIE }, { POH, SCHOOL } },
  [I_HUISARTS] = { "Aandeel verwijzingen via de huisarts",
    "Percentage van de nieuwe jeugdhulptrajecten dat rechtstreeks door een huisarts is verwezen, buiten het lokale team om.",
    GK_UNIT_PERCENT, GK_DIRECTION_LOWER_IS_BETTER, GK_FREQUENCY_MONTHLY,
    35, 45, 35, "iJw-berichtenverkeer (verwijzerscode), verwijsmonitor", LINDA,
    { 52, 51, 46, 41, 38 }, 1.0, 0, 1, 0.1,
    { TOEGANG }, { POH, VERWIJZINGEN } },
  [I_WACHTTIJD] = { "Wachttijd jeugdhulp in weken",
    "Gemiddelde tijd tussen aanmelding bij het lokale team en de start van de hulp, voor trajecten die deze maand startten.",
    GK_UNIT_WEEKS, GK_DIRECTION_LOWER_IS_BETTER, GK_FREQUENCY_MONTHLY,
    4, 8, 5, "Wachtlijstregistratie lokaal team", LINDA,
    { 9.2, 8.1, 6.9, 9.4, 10.6 }, 0.25, 0, 1, 0.1,
    { TOEGANG }, { WACHTTIJDEN } },
  [I_GENERALISTEN] = { "Hulpvragen die het lokale team zelf afhandelt",
    "Percentage van de afgesloten hulpvragen bij het lokale team dat zonder verwijzing naar maatwerk is afgehandeld.",
    GK_UNIT_PERCENT, GK_DIRECTION_HIGHER_IS_BETTER, GK_FREQUENCY_MONTHLY,
    75, 60, 72, "Registratie lokaal team", LINDA,
    { 55, 58, 63, 67, 70 }, 0.8, 0, 1, 0.1,
    { TOEGANG, PREVENTIE }, { WACHTTIJDEN, POH } },
  [I_WMO] = { "Doorlooptijd Wmo-aanvraag in dagen",
    "Gemiddeld aantal kalenderdagen van melding tot beschikking voor Wmo-aanvragen die deze maand zijn afgehandeld (wettelijk maximaal 56).",
    GK_UNIT_DAYS, GK_DIRECTION_LOWER_IS_BETTER, GK_FREQUENCY_MONTHLY,
    42, 70, 56, "Zaaksysteem sociaal domein, Wmo", RUUD,
    { 74, 79, 66, 55, 48 }, 1.5, 0, 1, 1,
    { UITVOERING }, { NO_PROJECT } },
  [I_RESIDENTIEEL] = { "Residentiële plaatsingen jeugd",
    "Aantal jeugdigen dat op de eerste dag van de maand in een residentiële voorziening verblijft.",
    GK_UNIT_COUNT, GK_DIRECTION_LOWER_IS_BETTER, GK_FREQUENCY_MONTHLY,
    45, 60, 48, "Beschikkingen jeugd met verblijf", LINDA,
    { 64, 66, 60, 55, 52 }, 1.0, 0, 1, 1,
    { CONTRACT, FINANCIEN }, { RESIDENTIEEL, UITSTROOM } },
  [I_BIJSTAND] = { "Instroom bijstand per maand",
    "Aantal nieuwe bijstandsuitkeringen (Participatiewet) dat deze maand is toegekend.",
    GK_UNIT_COUNT, GK_DIRECTION_LOWER_IS_BETTER, GK_FREQUENCY_MONTHLY,
    65, 85, 70, "Uitkeringsadministratie Werk en Inkomen", LINDA,
    { 88, 92, 84, 78, 74 }, 2.5, 2, 1, 1,
    { UITVOERING }, { NO_PROJECT } },
  [I_TEVREDENHEID] = { "Cliënttevredenheid jeugdhulp",
    "Gemiddeld rapportcijfer dat ouders en jongeren aan de ontvangen jeugdhulp geven, uit het kwartaalonderzoek.",
    GK_UNIT_OTHER, GK_DIRECTION_HIGHER_IS_BETTER, GK_FREQUENCY_QUARTERLY,
    7.5, 6.5, 7.3, "Cliëntervaringsonderzoek jeugd (kwartaalpeiling)", LINDA,
    { 6.9, 6.8, 7.0, 7.2, 7.4 }, 0.04, 0, 1, 0.1,
    { MONITORING, CONTRACT, INKOOP }, { CONTRACTEREN, UITSTROOM } },
};

typedef struct {
  int         indicator;
  int         period;        /* index into the measured periods, 0 is the oldest */
  const char *note;
} DemoNote;

static const DemoNote demo_notes[] = {
  { I_KOSTEN, 2, "Inclusief een nabetaling van € 180.000 over het vorige boekjaar." },
  { I_KOSTEN, 17, "Eerste effect van de contractgesprekken en budgetplafonds zichtbaar." },
  { I_HUISARTS, 9, "Start van de POH-jeugd in de eerste vier pilotpraktijken." },
  { I_WACHTTIJD, 19, "Sluiting van een GGZ-aanbieder in de regio: 60 jeugdigen opnieuw op de wachtlijst." },
  { I_WACHTTIJD, 21, "Vier vacatures in het lokale team; herstelplan in voorbereiding." },
  { I_GENERALISTEN, 12, "Nieuwe registratiewijze: de afhandeling wordt nu per hulpvraag vastgelegd." },
  { I_WMO, 6, "Piek door de achterstand in de backoffice." },
  { I_WMO, 16, "Het flexteam heeft de achterstand weggewerkt." },
  { I_RESIDENTIEEL, 14, "Overplaatsingen na de financiële problemen bij een aanbieder van verblijf." },
  { I_BIJSTAND, 5, "Hogere instroom na het faillissement van een grote werkgever in de regio." },
  { I_TEVREDENHEID, 4, "Nieuwe vragenlijst, vergelijkbaar met de vorige." },
};

/* A figure of the story at period i of n: the path, a yearly cycle and a
 * wobble, rounded like the source would round it. */
static double
indicator_value (GkDemoWriter        *w,
                 const DemoIndicator *indicator,
                 int                  i,
                 int                  n,
                 int                  calendar_month)
{
  double position = 4.0 * i / (n - 1);
  int segment = MIN ((int) position, 3);
  double fraction = position - segment;
  double value = indicator->path[segment] + fraction * (indicator->path[segment + 1] - indicator->path[segment]);
  double wobble = g_rand_double_range (w->rand, -1.0, 1.0) * indicator->noise;

  /* The first figure is the baseline itself; the latest one wobbles less, so
   * that where the story ends does not hang on the dice. */
  if (i == 0)
    wobble = 0;
  else if (i == n - 1)
    wobble /= 2;

  value += wobble + indicator->season * cos ((calendar_month - indicator->peak_month) * G_PI / 6.0);
  return round (value / indicator->step) * indicator->step;
}

static const char *
find_note (int indicator,
           int period)
{
  for (guint k = 0; k < G_N_ELEMENTS (demo_notes); k++)
    if (demo_notes[k].indicator == indicator && demo_notes[k].period == period)
      return demo_notes[k].note;
  return "";
}

static void
write_demo_indicators (GkDemoWriter *w,
                       const gint64 *topic_ids,
                       const gint64 *project_ids)
{
  for (int k = 1; k < N_INDICATORS; k++)
    {
      const DemoIndicator *indicator = &demo_indicators[k];
      gboolean quarterly = indicator->frequency == GK_FREQUENCY_QUARTERLY;
      int n = quarterly ? N_QUARTERLY_PERIODS : N_MONTHLY_PERIODS;
      const char *first_period = quarterly ? gk_demo_quarter_start_text (w, -n) : gk_demo_month_start_text (w, -n);
      const char *entered_by = demo_people[indicator->entered_by].name;
      gint64 id;

      id = gk_demo_writer_run (w,
                               "INSERT INTO indicator (name, description, unit, direction, frequency,"
                               " baseline_value, baseline_date, target_value, target_date, signal_serious,"
                               " signal_control, source, position, updated_at, updated_by)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               "sssssfsfsffsiTs",
                               indicator->name, indicator->description,
                               gk_unit_to_key (indicator->unit), gk_direction_to_key (indicator->direction),
                               gk_frequency_to_key (indicator->frequency),
                               indicator->path[0], first_period, indicator->target, gk_demo_month_end_text (w, 12),
                               indicator->signal_serious, indicator->signal_control, indicator->source,
                               k - 1, entered_by);

      for (int t = 0; t < (int) G_N_ELEMENTS (indicator->topics) && indicator->topics[t] != NO_TOPIC; t++)
        gk_demo_writer_run (w, "INSERT INTO indicator_topic (indicator_id, topic_id, updated_at, updated_by)"
                               " VALUES (?, ?, ?, ?)", "IITs", id, topic_ids[indicator->topics[t]], entered_by);
      for (int p = 0; p < (int) G_N_ELEMENTS (indicator->projects) && indicator->projects[p] != NO_PROJECT; p++)
        gk_demo_writer_run (w, "INSERT INTO indicator_project (indicator_id, project_id, updated_at, updated_by)"
                               " VALUES (?, ?, ?, ?)", "IITs", id, project_ids[indicator->projects[p]], entered_by);

      for (int i = 0; i < n; i++)
        {
          GDate period;

          if (quarterly)
            {
              gk_demo_month_start (w, 0, &period);
              g_date_set_month (&period, (GDateMonth) (((g_date_get_month (&period) - 1) / 3) * 3 + 1));
              gk_demo_shift_months (&period, -3 * (n - i));
            }
          else
            gk_demo_month_start (w, -(n - i), &period);

          gk_demo_writer_run (w,
                              "INSERT INTO measurement (indicator_id, period_date, value, note, entered_by,"
                              " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              "IsfssTs",
                              id, gk_demo_writer_date (w, &period),
                              indicator_value (w, indicator, i, n, g_date_get_month (&period)),
                              find_note (k, i), entered_by, entered_by);
        }
    }
}

/* --- journal ----------------------------------------------------------- */

typedef struct {
  int           days;
  int           author;
  GkJournalKind kind;
  const char   *text;
  int           topic;
  int           project;
  int           measure;
} DemoEntry;

#define PROGRESS GK_JOURNAL_KIND_PROGRESS
#define DECISION GK_JOURNAL_KIND_DECISION
#define RISK GK_JOURNAL_KIND_RISK

static const DemoEntry demo_journal[] = {
  { -555, SANNE, DECISION, "Het college stelt de veranderopgave jeugdhulp vast: binnen drie jaar kosten binnen de begroting en hulp dichter bij huis. De raad stemt in met een investering van € 1,2 miljoen.", 0, 0, 0 },
  { -548, SANNE, PROGRESS, "Nulmeting op alle negen onderwerpen gedaan met het programmateam: acht onderwerpen Ernstig, Informatievoorziening Waakzaam.", MONITORING, 0, 0 },
  { -520, FATIMA, DECISION, "De huisartsenkring tekent het convenant: alle veertien praktijken doen mee aan de POH-jeugd.", 0, POH, 0 },
  { -500, BART, PROGRESS, "Jeugdhulpverlener gestart op de eerste twee middelbare scholen.", 0, 0, M_SCHOOL_VO },
  { -470, SANNE, DECISION, "De stuurgroep kiest zeven focusprojecten; vier lopende projecten worden gestopt of in de lijn ondergebracht.", 0, 0, 0 },
  { -450, AHMED, RISK, "De prognose jeugdhulp wijst op een tekort van 4,2 miljoen euro; nabetalingen over het vorige jaar kunnen dit verder verhogen.", FINANCIEN, 0, 0 },
  { -420, AHMED, PROGRESS, "Eerste analyse van de kosten per verwijzer: tien huisartsenpraktijken zijn samen goed voor 38 % van de verwijzingen.", 0, 0, M_KOSTEN_VERWIJZER },
  { -380, PETRA, DECISION, "De regio besluit tot resultaatgerichte inkoop van jeugdhulp met een beperkt aantal hoofdaanbieders.", 0, CONTRACTEREN, 0 },
  { -365, JOOST, PROGRESS, "Kwartaalgesprekken met de vijf grootste aanbieders afgerond; afspraken over productie en uitstroom vastgelegd.", 0, 0, M_CONTRACTGESPREKKEN },
  { -340, LINDA, RISK, "De migratie naar het nieuwe zaaksysteem loopt uit; de registraties van drie maanden zijn onvolledig.", INFORMATIE, 0, 0 },
  { -330, NOOR, PROGRESS, "Het flexteam backoffice is gestart: de achterstand van 380 aanvragen en herindicaties is in beeld.", UITVOERING, 0, 0 },
  { -275, JOOST, RISK, "Een aanbieder van verblijf zit in financiële problemen; veertig cliënten moeten mogelijk worden overgeplaatst.", 0, RESIDENTIEEL, 0 },
  { -270, MARIEKE, DECISION, "Het college stelt voor drie maanden een continuïteitsbijdrage beschikbaar, zodat de overplaatsingen zorgvuldig kunnen verlopen.", CONTRACT, 0, 0 },
  { -250, FATIMA, PROGRESS, "Evaluatie pilot POH-jeugd: 31 % minder verwijzingen naar specialistische jeugdhulp in de vier pilotpraktijken.", 0, 0, M_POH_PILOT },
  { -240, SANNE, DECISION, "De stuurgroep besluit de POH-jeugd uit te rollen naar alle veertien praktijken.", 0, 0, M_POH_UITROL },
  { -235, SANNE, PROGRESS, "Eerste voortgangsrapportage naar de raad: routekaart, negen indicatoren en de stand van de focusprojecten.", 0, 0, 0 },
  { -150, ESTHER, RISK, "Vier vacatures in het lokale team; de wachttijd loopt naar verwachting weer op.", 0, WACHTTIJDEN, 0 },
  { -145, ESTHER, RISK, "Een GGZ-aanbieder in de regio stopt; 60 jeugdigen komen opnieuw op de wachtlijst.", TOEGANG, 0, 0 },
  { -120, PETRA, PROGRESS, "De aanbesteding is gepubliceerd; 23 inschrijvingen ontvangen.", 0, 0, M_AANBESTEDING },
  { -100, KEES, DECISION, "Het MT besluit tot de werving van vijf extra generalisten en een tijdelijk flexteam voor de toegang.", 0, WACHTTIJDEN, 0 },
  { -90, PETRA, DECISION, "De aanbesteding is gegund aan negen hoofdaanbieders; de nieuwe contracten gaan over vier maanden in.", 0, 0, M_AANBESTEDING },
  { -60, AHMED, PROGRESS, "De kosten per maand liggen al maanden onder de signaalwaarde; de prognose van het tekort is bijgesteld naar 1,9 miljoen euro.", FINANCIEN, 0, 0 },
  { -45, JOOST, RISK, "De werving van pleegouders blijft achter: 6 van de beoogde 15 nieuwe pleeggezinnen. De afbouw van verblijf loopt daardoor vertraging op.", 0, 0, M_PLEEGOUDERS },
  { -30, ESTHER, PROGRESS, "Het flexteam toegang heeft de helft van de wachtenden gesproken; overbruggingszorg ingezet in 12 urgente situaties.", 0, 0, M_FLEXTEAM },
  { -20, SANNE, DECISION, "De stuurgroep stelt de gripmeting vast: drie onderwerpen In controle, Toegang blijft Ernstig; het herstelplan wachttijden krijgt voorrang.", 0, 0, 0 },
  { -14, NOOR, PROGRESS, "Het projectplan Uitstroom en nazorg ligt in concept klaar voor de stuurgroep.", 0, UITSTROOM, 0 },
  { -7, LINDA, PROGRESS, "Het kwartaaldashboard is bijgewerkt met cijfers per hoofdaanbieder.", INFORMATIE, 0, 0 },
  { -3, MARIEKE, RISK, "De raad vraagt bij de begroting om extra besparingen; de investeringen in preventie kunnen onder druk komen.", 0, 0, 0 },
  { -2, FATIMA, PROGRESS, "Tien van de veertien praktijken hebben nu een POH-jeugd.", 0, 0, M_POH_UITROL },
};

/* --- the history: two years replayed ----------------------------------- */

/* The turns in a project's health, besides its state today: the setbacks a
 * team reports and recovers from. */
typedef struct {
  int         project;
  int         month;
  GkHealth    health;
  const char *reason;      /* NULL: the project's reason of today */
} HealthTurn;

static const HealthTurn health_turns[] = {
  { CONTRACTEREN, -9, GK_HEALTH_AT_RISK,
    "De aanbesteding loopt vertraging op: twee aanbieders maken bezwaar tegen de indeling in percelen." },
  { CONTRACTEREN, -6, GK_HEALTH_ON_TRACK,
    "De bezwaren zijn afgehandeld; de aanbesteding ligt weer op schema." },
  { VERWIJZINGEN, -5, GK_HEALTH_AT_RISK,
    "De gesprekken met de verwijzers komen traag op gang; de GI wacht de regionale afspraken af." },
  { VERWIJZINGEN, -3, GK_HEALTH_ON_TRACK, NULL },
  { WACHTTIJDEN, -4, GK_HEALTH_AT_RISK,
    "Twee vacatures in het lokale team; de wachttijd loopt weer op." },
  { WACHTTIJDEN, -1, GK_HEALTH_OFF_TRACK, NULL },
  { RESIDENTIEEL, -3, GK_HEALTH_AT_RISK, NULL },
};

typedef struct {
  GkMeasureStatus status;
  int             progress;
  char            done_date[11];
} MeasureState;

typedef struct {
  GkProjectStatus status;
  GkHealth        health;
  const char     *reason;   /* static */
} ProjectState;

static void
change_measure (GkRecord      *copy,
                gconstpointer  data)
{
  const MeasureState *state = data;

  gk_measure_set_status (GK_MEASURE (copy), state->status);
  gk_measure_set_progress (GK_MEASURE (copy), state->progress);
  gk_measure_set_done_date (GK_MEASURE (copy), state->done_date[0] != '\0' ? state->done_date : NULL);
}

static void
change_project (GkRecord      *copy,
                gconstpointer  data)
{
  const ProjectState *state = data;

  gk_focus_project_set_status (GK_FOCUS_PROJECT (copy), state->status);
  gk_focus_project_set_health (GK_FOCUS_PROJECT (copy), state->health);
  gk_focus_project_set_health_reason (GK_FOCUS_PROJECT (copy), state->reason);
}

/* A moment of the story, in UTC: at the latest on the day before the
 * reference date (at the moment's own time), so that nothing happens in
 * the future of the file and the day the demo is shown on starts with no
 * changes yet. */
static GDateTime *
story_moment (GkDemoWriter *w,
              const GDate  *date,
              int           hour,
              int           minute)
{
  GDate day = *date;
  GDate latest = w->reference;

  g_date_subtract_days (&latest, 1);
  if (g_date_compare (&day, &latest) > 0)
    day = latest;
  return g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                              hour, minute, 0);
}

static int
days_from_reference (GkDemoWriter *w,
                     const GDate  *date)
{
  return (int) g_date_days_between (&w->reference, date);
}

/* Steps of five, as people report progress. */
static int
progress_between (int from_day,
                  int to_day,
                  int day,
                  int final)
{
  double share = to_day > from_day ? (double) (day - from_day) / (to_day - from_day) : 1.0;

  return (int) (CLAMP (share, 0.0, 1.0) * final / 5.0) * 5;
}

/* Where a measure stood at the end of @day (days from the reference). */
static MeasureState
measure_state_on (GkDemoWriter      *w,
                  const DemoMeasure *measure,
                  int                day)
{
  MeasureState state = { GK_MEASURE_STATUS_PLANNED, 0, "" };
  int end = measure->status == DONE ? measure->done : MIN (measure->due, 0);

  if (day < measure->start)
    return state;
  if (day >= end && measure->status != IN_PROGRESS)
    {
      state.status = measure->status;
      state.progress = measure->status == DONE ? 100 : measure->progress;
      if (measure->status == DONE)
        g_strlcpy (state.done_date, gk_demo_days_from_reference (w, measure->done), sizeof state.done_date);
      return state;
    }
  state.status = GK_MEASURE_STATUS_IN_PROGRESS;
  state.progress = progress_between (measure->start, end, day,
                                     measure->status == DONE ? 95 : measure->progress);
  if (measure->status == IN_PROGRESS && day >= 0)
    state.progress = measure->progress;
  return state;
}

/* At the end of every month (and on the reference date) each owner reports
 * where the measures stand; only what moved becomes an edit. */
static void
tell_measures (GkDemoWriter  *w,
               GkDemoReplay  *replay,
               const gint64  *measure_ids)
{
  for (int m = 1; m < N_MEASURES; m++)
    {
      const DemoMeasure *measure = &demo_measures[m];
      MeasureState last = { GK_MEASURE_STATUS_PLANNED, 0, "" };

      if (measure->status == IDEA || measure->status == PLANNED || measure->start == NO_DATE)
        continue;
      for (int month = -20; month <= 0; month++)
        {
          g_autoptr(GDateTime) when = NULL;
          MeasureState state;
          GDate end;

          gk_demo_month_start (w, month + 1, &end);
          g_date_subtract_days (&end, 1);
          state = measure_state_on (w, measure, MIN (days_from_reference (w, &end), 0));
          if (memcmp (&state, &last, sizeof state) == 0)
            continue;
          /* Each owner reports all of theirs in one sitting. */
          when = story_moment (w, &end, 14, measure->owner * 4 + m % 4);
          gk_demo_replay_change_at (replay, GK_TYPE_MEASURE, measure_ids[m], when,
                                    demo_people[measure->owner].name, change_measure, &state, sizeof state);
          last = state;
        }
    }
}

/* The day a project went active: its start, or its first measure's. */
static GDate
project_activation (GkDemoWriter *w,
                    int           project)
{
  GDate date;

  gk_demo_month_start (w, demo_projects[project].start_month, &date);
  for (int m = 1; m < N_MEASURES; m++)
    if (demo_measures[m].project == project && demo_measures[m].start != NO_DATE
        && demo_measures[m].status != IDEA && demo_measures[m].status != PLANNED
        && demo_measures[m].start < days_from_reference (w, &date))
      {
        date = w->reference;
        gk_demo_shift_days (&date, demo_measures[m].start);
      }
  return date;
}

static void
project_change_at (GkDemoWriter       *w,
                   GkDemoReplay       *replay,
                   gint64              project_id,
                   int                 project,
                   const GDate        *date,
                   const ProjectState *state)
{
  g_autoptr(GDateTime) when = story_moment (w, date, 9, 15 + project);

  gk_demo_replay_change_at (replay, GK_TYPE_FOCUS_PROJECT, project_id, when,
                            demo_people[demo_projects[project].owner].name,
                            change_project, state, sizeof *state);
}

/* A project goes active, takes the turns of health_turns, and a month ago
 * its owner wrote the health of today. */
static void
tell_projects (GkDemoWriter  *w,
               GkDemoReplay  *replay,
               const gint64  *project_ids)
{
  for (int p = 1; p < N_PROJECTS; p++)
    {
      const DemoProject *project = &demo_projects[p];
      ProjectState state = { GK_PROJECT_STATUS_ACTIVE, GK_HEALTH_ON_TRACK, "" };
      GDate date;

      if (project->status != GK_PROJECT_STATUS_ACTIVE)
        continue;
      date = project_activation (w, p);
      project_change_at (w, replay, project_ids[p], p, &date, &state);
      for (guint t = 0; t < G_N_ELEMENTS (health_turns); t++)
        if (health_turns[t].project == p)
          {
            state.health = health_turns[t].health;
            state.reason = health_turns[t].reason != NULL ? health_turns[t].reason : project->health_reason;
            gk_demo_month_start (w, health_turns[t].month, &date);
            g_date_add_days (&date, 9);
            project_change_at (w, replay, project_ids[p], p, &date, &state);
          }
      state.health = project->health;
      state.reason = project->health_reason;
      gk_demo_month_start (w, -1, &date);
      g_date_add_days (&date, 24);
      project_change_at (w, replay, project_ids[p], p, &date, &state);
    }
}

static int
person_index (const char *name)
{
  for (int p = 1; p < N_PEOPLE; p++)
    if (g_strcmp0 (demo_people[p].name, name) == 0)
      return p;
  return 0;
}

/* The day a dated row was made: a month's figure early in the next month
 * (a few days apart per indicator), an assessment or a journal entry on
 * its own date. */
static GDate
day_made (GkRecord *row)
{
  GDate date;

  g_date_clear (&date, 1);
  if (GK_IS_MEASUREMENT (row))
    {
      GkMeasurement *figure = GK_MEASUREMENT (row);

      g_date_set_parse (&date, gk_measurement_get_period_date (figure));
      gk_demo_shift_months (&date, 1);
      g_date_add_days (&date, 4 + (int) (gk_measurement_get_indicator_id (figure) % 6));
    }
  else if (GK_IS_ASSESSMENT (row))
    g_date_set_parse (&date, gk_assessment_get_date (GK_ASSESSMENT (row)));
  else
    g_date_set_parse (&date, gk_journal_entry_get_date (GK_JOURNAL_ENTRY (row)));
  return date;
}

/* Every row of @rows comes in on the day it was made, at @hour, by whoever
 * the row names as its writer. */
static void
reenter_rows (GkDemoWriter *w,
              GkDemoReplay *replay,
              GListModel   *rows,
              GType         type,
              int           hour)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRecord) row = g_list_model_get_item (rows, i);
      GDate date = day_made (row);
      /* Each person's rows of a day together, as one sitting. */
      g_autoptr(GDateTime) when = story_moment (w, &date, hour, person_index (gk_record_get_updated_by (row)) * 4 + (int) (i % 4));

      gk_demo_replay_insert_at (replay, type, gk_record_get_id (row), when, gk_record_get_updated_by (row));
    }
}

/* Figures, assessments and journal entries come in when they were made. */
static void
reenter_dated_rows (GkDemoWriter *w,
                    GkDemoReplay *replay)
{
  GkDocument *document = gk_demo_replay_get_document (replay);

  reenter_rows (w, replay, gk_document_get_measurements (document), GK_TYPE_MEASUREMENT, 10);
  reenter_rows (w, replay, gk_document_get_assessments (document), GK_TYPE_ASSESSMENT, 15);
  reenter_rows (w, replay, gk_document_get_journal (document), GK_TYPE_JOURNAL_ENTRY, 16);
}

/* Measures that have started, and active projects, begin the story where
 * they began: planned, draft, on track. */
static void
rewind_to_the_start (GkDemoWriter *w)
{
  gk_demo_writer_run (w, "UPDATE measure SET status = ?, progress = 0, done_date = NULL"
                         " WHERE status IN (?, ?, ?) AND start_date IS NOT NULL", "ssss",
                      gk_measure_status_to_key (PLANNED), gk_measure_status_to_key (IN_PROGRESS),
                      gk_measure_status_to_key (DONE), gk_measure_status_to_key (DROPPED));
  gk_demo_writer_run (w, "UPDATE focus_project SET status = ?, health = ?, health_reason = ''"
                         " WHERE status = ?", "sss",
                      gk_project_status_to_key (GK_PROJECT_STATUS_DRAFT),
                      gk_health_to_key (GK_HEALTH_ON_TRACK),
                      gk_project_status_to_key (GK_PROJECT_STATUS_ACTIVE));
}

static void
replay_history (GkDemoWriter *w,
                const gint64 *project_ids,
                const gint64 *measure_ids)
{
  g_autoptr(GkDemoReplay) replay = NULL;

  if (w->error != NULL)
    return;
  rewind_to_the_start (w);
  if (w->error != NULL)
    return;
  replay = gk_demo_replay_new (w->db, &w->error);
  if (replay == NULL)
    return;
  tell_projects (w, replay, project_ids);
  tell_measures (w, replay, measure_ids);
  reenter_dated_rows (w, replay);
  gk_demo_replay_run (replay, &w->error);
}

/* --- putting the demo together ----------------------------------------- */

static void
write_demo (GkDemoWriter *w)
{
  const char *lead = demo_people[SANNE].name;
  gint64 person_ids[N_PEOPLE] = { 0 };
  gint64 topic_ids[N_TOPICS] = { 0 };
  gint64 project_ids[N_PROJECTS] = { 0 };
  gint64 measure_ids[N_MEASURES] = { 0 };

  for (int p = 1; p < N_PEOPLE; p++)
    person_ids[p] = gk_demo_writer_run (w, "INSERT INTO person (name, role, email, updated_at, updated_by)"
                                           " VALUES (?, ?, ?, ?, ?)", "sssTs",
                                        demo_people[p].name, gk_role_to_key (demo_people[p].role),
                                        demo_people[p].email, lead);

  gk_demo_writer_run (w,
                      "INSERT INTO programme (id, title, municipality, domains, lead_id, start_date, end_date,"
                      " ambition, review_cycle, headline_rule, updated_at, updated_by)"
                      " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "sssNsssssTs",
                      "Veranderopgave jeugdhulp", "Voorbeeldstad", "jeugd,wmo,participatie",
                      person_ids[SANNE], gk_demo_month_start_text (w, -20), gk_demo_month_end_text (w, 16),
                      "Binnen drie jaar grip op de jeugdhulp in Voorbeeldstad: de kosten passen binnen de "
                      "begroting, kinderen krijgen sneller en dichter bij huis de hulp die ze nodig hebben, "
                      "en niemand wacht langer dan vier weken.",
                      gk_review_cycle_to_key (GK_REVIEW_CYCLE_MONTHLY),
                      gk_headline_rule_to_key (GK_HEADLINE_RULE_WORST), lead);

  gk_demo_write_template (w, lead, topic_ids, N_TOPICS - 1);
  for (int t = 1; t < N_TOPICS; t++)
    gk_demo_writer_run (w, "UPDATE topic SET owner_id = ?, target_level = ?, target_date = ? WHERE id = ?",
                        "NssI", person_ids[topic_stories[t].owner], gk_level_to_key (GK_LEVEL_IN_CONTROL),
                        gk_demo_month_end_text (w, 12), topic_ids[t]);
  write_demo_assessments (w, topic_ids, person_ids);

  for (int p = 1; p < N_PROJECTS; p++)
    {
      const DemoProject *project = &demo_projects[p];

      project_ids[p] = gk_demo_writer_run (w,
                                           "INSERT INTO focus_project (name, goal, owner_id, chain_phase, domains,"
                                           " status, health, health_reason, start_date, end_date, budget_cents,"
                                           " saving_cents, position, updated_at, updated_by)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                           "ssNsssssssIIiTs",
                                           project->name, project->goal, person_ids[project->owner],
                                           gk_chain_phase_to_key (project->phase), project->domains,
                                           gk_project_status_to_key (project->status),
                                           gk_health_to_key (project->health), project->health_reason,
                                           gk_demo_month_start_text (w, project->start_month),
                                           gk_demo_month_end_text (w, project->end_month),
                                           project->budget_euros * 100, project->saving_euros * 100,
                                           p - 1, demo_people[project->owner].name);
      for (int t = 0; t < (int) G_N_ELEMENTS (project->topics) && project->topics[t] != NO_TOPIC; t++)
        gk_demo_writer_run (w, "INSERT INTO project_topic (project_id, topic_id, updated_at, updated_by)"
                               " VALUES (?, ?, ?, ?)", "IITs",
                            project_ids[p], topic_ids[project->topics[t]], demo_people[project->owner].name);
    }

  for (int m = 1; m < N_MEASURES; m++)
    {
      const DemoMeasure *measure = &demo_measures[m];
      const char *owner = demo_people[measure->owner].name;

      measure_ids[m] = gk_demo_writer_run (w,
                                           "INSERT INTO measure (project_id, title, description, owner_id, status,"
                                           " kind, start_date, due_date, done_date, progress, expected_effect,"
                                           " saving_cents, position, updated_at, updated_by)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                           "IssNsssssisNiTs",
                                           project_ids[measure->project], measure->title, measure->description,
                                           person_ids[measure->owner],
                                           gk_measure_status_to_key (measure->status),
                                           gk_measure_kind_to_key (measure->kind),
                                           gk_demo_days_from_reference (w, measure->start),
                                           gk_demo_days_from_reference (w, measure->due),
                                           measure->status == DONE ? gk_demo_days_from_reference (w, measure->done) : NULL,
                                           measure->status == DONE ? 100 : measure->progress,
                                           measure->effect, measure->saving_euros * 100, m, owner);
      for (int t = 0; t < (int) G_N_ELEMENTS (measure->targets) && measure->targets[t].topic != NO_TOPIC; t++)
        gk_demo_writer_run (w, "INSERT INTO measure_target (measure_id, topic_id, target_level, target_date,"
                               " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)", "IIssTs",
                            measure_ids[m], topic_ids[measure->targets[t].topic],
                            gk_level_to_key (measure->targets[t].level),
                            gk_demo_days_from_reference (w, measure->targets[t].days), owner);
    }

  for (guint l = 0; l < G_N_ELEMENTS (demo_links); l++)
    gk_demo_writer_run (w, "INSERT INTO measure_link (from_measure_id, to_measure_id, kind, updated_at, updated_by)"
                           " VALUES (?, ?, ?, ?, ?)", "IIsTs",
                        measure_ids[demo_links[l].from], measure_ids[demo_links[l].to],
                        gk_link_kind_to_key (demo_links[l].kind), lead);

  write_demo_indicators (w, topic_ids, project_ids);

  for (guint j = 0; j < G_N_ELEMENTS (demo_journal); j++)
    {
      const DemoEntry *entry = &demo_journal[j];
      const char *author = demo_people[entry->author].name;

      gk_demo_writer_run (w, "INSERT INTO journal_entry (date, author, kind, text, topic_id, project_id,"
                             " measure_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "ssssNNNTs",
                          gk_demo_days_from_reference (w, entry->days), author,
                          gk_journal_kind_to_key (entry->kind), entry->text,
                          topic_ids[entry->topic], project_ids[entry->project], measure_ids[entry->measure],
                          author);
    }

  replay_history (w, project_ids, measure_ids);
}

gboolean
gk_demo_write (sqlite3      *db,
               const GDate  *reference,
               GError      **error)
{
  return gk_demo_write_atomically (db, reference, DEMO_SEED, write_demo, error);
}

