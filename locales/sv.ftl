### Värdskaps ord på svenska. Samma meddelanden som i en.ftl (se kommentaren där).

## app

app-name = Värdskap
app-home = Värdskap, tillbaka till kursen
app-skip = Hoppa till innehållet
app-menu = Meny
app-signedInAs = Inloggad som { $name }
app-signOut = Byt profil

## lang

lang-label = Språk
lang-sv = Svenska
lang-en = English

## theme

theme-label = Tema
theme-system = Som systemet
theme-light = Ljust
theme-dark = Mörkt

## common

common-cancel = Avbryt
common-backToCourse = Tillbaka till kursen

## course

course-loading = Laddar …
course-version = Version { $version }

## error

error-title = Något gick fel.
error-retry = Försök igen

## recovery

recovery-title = Dina framsteg gick inte att öppna
recovery-damaged = Filen med dina framsteg är skadad.
recovery-details = Tekniska detaljer (för support)
recovery-lead = Appen sparar säkerhetskopior av dina framsteg. Du kan lägga tillbaka den senaste kopian. Den skadade filen sparas undan.
recovery-restore = Lägg tillbaka den senaste säkerhetskopian
recovery-notDamaged = Dina framsteg är inte skadade, så inget behöver återställas. Stäng andra fönster med appen, se till att det finns ledigt utrymme på disken och starta appen igen.

## progress

progress-importing = Installerar kurspaketet …
progress-exporting = Sparar kurspaketet …
progress-opening = Öppnar kursen …
progress-creating = Skapar kursen …
progress-packing = Packar kursen …
progress-gift = Läser GIFT-filen …
progress-saving = Sparar filen …

## backup

backup-warning = Dagens säkerhetskopia av dina framsteg kunde inte göras (disken kan vara full). Dina svar sparas ändå som vanligt.
backup-dismiss = OK

## profiles

profiles-title = Vem ska lära sig i dag?
profiles-lead = Varje deltagare har en egen profil, så att svaren och resultaten är ens egna.
profiles-existing = Profiler på den här datorn
profiles-hasPin = pinkod
profiles-pinFor = Pinkod för { $name }
profiles-pin = Pinkod
profiles-signIn = Logga in
profiles-new = Ny profil
profiles-name = Ditt namn
profiles-nameMissing = Skriv först ett namn på profilen.
profiles-newPin = Pinkod (frivilligt)
profiles-pinHint = Med en pinkod kan ingen annan på datorn öppna din profil.
profiles-create = Skapa profil och börja

## home

home-continue = Fortsätt där du slutade
home-coursePassed = Du har klarat hela kursen. Bra jobbat!
home-reviewsDue = { $count } frågor att öva på igen
home-moduleNumber = Modul { $n }
home-passed = Godkänd
home-inProgress = Quiz pågår
home-notPassedYet = Inte godkänd än
home-notStarted = Inte påbörjad
home-best = Bästa resultat: { $score }
home-lessons = Lektioner
home-lessonsOf = Lektioner i { $module }
home-startQuiz = Starta quizet ({ $count } frågor)
home-continueQuiz = Fortsätt quizet
home-retakeQuiz = Gör quizet igen
home-playScenario = Rollspel: { $title }
home-minutes = ca { $n } min
home-outcomes = Lärandemål

## lesson

lesson-position = lektion { $n } av { $count }
lesson-nav = Lektionerna i modulen
lesson-toQuiz = Till quizet
lesson-outcomesIntro = Det här kan du när du är klar med modulen

## quiz

quiz-title = Quiz
quiz-resumed = Välkommen tillbaka. Dina { $count } sparade svar finns kvar.
quiz-modeImmediate = Du ser direkt om varje svar är rätt.
quiz-modeDeferred = Du ser resultatet när du lämnar in hela quizet. Fram till dess kan du ändra dina svar.
quiz-questions = Frågor
quiz-navAnswered = Fråga { $n }, besvarad
quiz-navOpen = Fråga { $n }, inte besvarad
quiz-counter = Fråga { $n } av { $count }
quiz-pickAll = Välj alla svar som stämmer.
quiz-true = Sant
quiz-false = Falskt
quiz-yourAnswer = Ditt svar
quiz-yourNumber = Ditt svar (ett tal)
quiz-orderHint = Sätt delarna i rätt ordning med pilknapparna.
quiz-moveUp = Flytta upp: { $item }, nu nummer { $position } av { $count }
quiz-moveDown = Flytta ner: { $item }, nu nummer { $position } av { $count }
quiz-moved = { $item } är nu nummer { $position } av { $count }.
quiz-matchHint = Välj det svar som hör ihop med varje del. Använd varje svar en gång.
quiz-choose = Välj …
quiz-problem-empty = Svara på frågan först.
quiz-problem-number = Skriv ett tal, till exempel 12 eller 2,5.
quiz-problem-incomplete = Välj ett svar för varje del.
quiz-problem-duplicate = Du har använt samma svar två gånger. Använd varje svar en gång.
quiz-saved = Ditt svar är sparat.
quiz-check = Rätta mitt svar
quiz-save = Spara mitt svar
quiz-saveNext = Spara och gå vidare
quiz-previous = Föregående
quiz-next = Nästa fråga
quiz-progress = Du har svarat på { $answered } av { $count } frågor.
quiz-confirmUnanswered = { $count } frågor saknar svar och räknas som fel. Vill du lämna in ändå?
quiz-submit = Lämna in quizet
quiz-submitAnyway = Ja, lämna in

## feedback

feedback-correct = Rätt
feedback-partly = Delvis rätt
feedback-wrong = Inte rätt
feedback-points = { $score } av { $max } poäng
feedback-rightAnswer = Rätt svar:
feedback-why = Varför:

## scenario

scenario-resumed = Du är tillbaka där du slutade.
scenario-soFar = Det som har hänt hittills
scenario-you = Du:
scenario-whatDoYouDo = Vad gör du?
scenario-ending-good = Ett bra slut
scenario-ending-mixed = Ett blandat slut
scenario-ending-poor = Ett dåligt slut
scenario-criticalMade = Ett av dina val var ett allvarligt misstag, så rollspelet är inte godkänt den här gången.
scenario-passed = Rollspelet är godkänt.
scenario-notPassed = Rollspelet är inte godkänt än. Försök igen!
scenario-pointsCaption = Dina poäng per kompetens
scenario-points = Poäng
scenario-again = Spela igen
scenario-recap = Dina val och vad de ledde till
scenario-total = Du fick { $earned } poäng av de { $best } som den bästa vägen ger. För godkänt behövs { $needed }.
scenario-tooFewPoints = Slutet i sig räcker, men dina val gav för få poäng för godkänt.

## result

result-title = Ditt resultat
result-points = { $score } av { $max } poäng
result-passed = Godkänd. Bra jobbat!
result-notPassed = Inte godkänd än. Du behöver { $mark } för att bli godkänd.
result-criticalChoice = Ett rollspel i modulen slutade med ett allvarligt misstag. Spela det igen för att klara modulen.
result-moduleStillPassed = Ditt bästa tidigare resultat gäller fortfarande, så modulen är fortfarande godkänd.
result-byCompetency = Resultat per kompetens
result-competency = Kompetens
result-score = Poäng
result-share = Andel
result-toReview = Frågor att titta på igen ({ $count })
result-toReviewLead = De här frågorna hamnar i din övningskö, så att du möter dem igen senare.
result-retake = Gör quizet igen

## results

results-title = Mina resultat
results-back = Tillbaka till mina resultat
results-modules = Moduler
results-modulesCaption = Bästa och senaste quizresultat per modul
results-module = Modul
results-best = Bästa
results-last = Senaste
results-attempts = Försök
results-status = Status
results-overTime = Dina resultat över tid
results-chartName = Dina quizresultat över tid
results-chartDescription = { $modules }. Samma siffror finns som tabell efter diagrammet.
results-chartSeries = { $module }: { $count } försök, först { $first }, senast { $last }
results-axisTime = Datum
results-axisScore = Resultat
results-chartAsTable = Visa resultaten som tabell
results-chartTableCaption = Alla quizförsök med resultat
results-chartEmpty = Diagrammet visas när du har lämnat in ett quiz.
results-date = Datum
results-score = Resultat
results-mastery = Det här behärskar du
results-masteryLead = Per kompetens, utifrån dina quizsvar och rollspel.
results-notYet = Inte övat än
results-attemptsTitle = Quizförsök
results-attemptsCaption = Dina quizförsök, det senaste först
results-open = Öppna
results-showAnswers = Visa svaren
results-noAttempts = Du har inte lämnat in något quiz än.
results-runsTitle = Rollspel
results-runsCaption = Dina avslutade rollspel, det senaste först
results-roleplay = Rollspel
results-ending = Slut
results-replay = Se igen
results-noRuns = Du har inte spelat klart något rollspel än.
results-saveTitle = Spara dina resultat
results-saveLead = Spara en fil att ha kvar eller visa för din utbildare. Du väljer själv var den hamnar.
results-exportCsv = Exportera mina resultat (CSV)
results-exportJson = Exportera mina resultat (JSON)
results-certificate = Intyg (PDF)
results-savedTo = Sparat i { $path }.
results-notSaved = Ingenting sparades.
results-fileName = resultat
results-certificateName = intyg

## attempt

attempt-title = Dina svar: { $module }
attempt-submitted = Inlämnat { $date }
attempt-notSubmitted = Inte inlämnat
attempt-yourAnswer = Ditt svar:
attempt-unanswered = Inte besvarad

## run

run-title = Rollspelet i repris: { $title }
run-played = Spelat { $date }
run-path = Vägen du valde
run-critical = Allvarligt misstag:

## practice

practice-title = Öva
practice-lead = Frågor du tyckte var svåra kommer tillbaka hit efter ett tag, så att de fastnar.
practice-counter = Fråga { $n } av { $count }
practice-comesBack = Frågan kommer tillbaka { $date }.
practice-finish = Avsluta övningen
practice-done = Klart! Du hade { $right } av { $count } rätt.
practice-nothingDue = Det finns inget att öva på just nu.
practice-nothingDueLead = Frågor du svarar fel på i ett quiz kommer tillbaka hit senare.

## errors: ett meddelande per sorts fel (ErrorKind), se en.ftl.

errors-NotFound = Det du bad om finns inte. Det kan ha tagits bort ur kursen.
    .detail = { $what } ”{ $id }” hittades inte
errors-InvalidContent =
    .detail =
        kursen har { $count } problem:
        { $problems }
errors-Invalid = Det gick inte att göra.
    .detail = { $reason }
errors-WrongAnswerShape = Svaret gick inte att läsa. Kontrollera det och försök igen.
    .detail = svaret på frågan ”{ $question }” har fel form: { $reason }
errors-Io = En fil gick inte att läsa eller spara.
    .detail = filfel vid { $path }: { $source }
errors-Db = Dina framsteg gick inte att läsa eller spara. Försök igen. Starta om appen om det händer igen.
    .detail = databasfel: { $detail }
errors-CorruptDatabase = Filen med dina framsteg är skadad. Starta om appen, så erbjuder den att lägga tillbaka den senaste säkerhetskopian.
    .detail = Databasen med framstegen är skadad och kan inte användas ({ $detail }). De tidigare framstegen kan tas tillbaka genom att lägga tillbaka den senaste säkerhetskopian. Fil: { $path }
errors-DatabaseTooNew = Dina framsteg sparades av en nyare version av Värdskap. Uppdatera appen för att öppna dem.
    .detail = Databasen med framstegen skapades av en nyare version av Värdskap. Uppdatera appen för att öppna den. Fil: { $path }
errors-DataFolderInUse = Värdskap är redan öppet med den här datamappen. Använd fönstret som är öppet, eller stäng det och starta appen igen.
    .detail = Värdskap är redan öppet med den här datamappen. Använd fönstret som är öppet, eller stäng det först. Mapp: { $dir }
errors-NoBackup = Det finns ingen säkerhetskopia att lägga tillbaka.
    .detail = Det finns ingen användbar säkerhetskopia av databasen med framstegen i { $dir }.
errors-NotSignedIn = Välj en profil först.
    .detail = { errors-NotSignedIn }
errors-WrongPin = Pinkoden stämmer inte. Försök igen.
    .detail = { errors-WrongPin }
errors-PinOnHold = För många felaktiga pinkoder i rad. Vänta en stund och försök igen.
    .detail = För många felaktiga pinkoder i rad. Vänta { $retryAfterSecs } sekunder och försök igen.
errors-ProfileExists = Det finns redan en profil med det namnet. Välj ett annat namn.
    .detail = Det finns redan en profil som heter ”{ $name }”. Välj ett annat namn.
errors-AttemptClosed = Quizet är redan inlämnat, så svaren kan inte ändras.
    .detail = Försöket är redan inlämnat, så svaren kan inte ändras.
errors-QuestionNotInModule = Frågan hör inte till den här modulen.
    .detail = Frågan ”{ $question }” hör inte till modulen ”{ $module }”.
errors-AlreadyAnswered = Du har redan svarat på den här frågan.
    .detail = Frågan ”{ $question }” är redan besvarad i det här försöket.
errors-AttemptNotSubmitted = Lämna in quizet först för att se svaren.
    .detail = Försöket är inte inlämnat än, så svaren och de rätta svaren kan inte visas.
errors-RunNotFinished = Rollspelet har inte nått något slut än.
    .detail = Rollspelet har inte nått något slut än, så det finns inget att se tillbaka på.
errors-CourseNotPassed = Intyget blir klart när du har klarat alla moduler.
    .detail = Det finns inget intyg än: ”{ $course }” är inte godkänd. Klara först alla moduler (kvar att klara: { $missing }).
errors-WrongPassphrase = Lösenfrasen stämmer inte. Försök igen.
    .detail =
        { $retryAfterSecs ->
            [0] { errors-WrongPassphrase }
           *[other] Lösenfrasen stämmer inte. Försök igen om { $retryAfterSecs } sekunder.
        }
errors-TooManyTries = För många felaktiga lösenfraser i rad. Vänta en stund och försök igen.
    .detail = För många felaktiga lösenfraser i rad. Vänta { $retryAfterSecs } sekunder och försök igen.
errors-InstructorLocked = Bara en instruktör kan göra det här. Lås upp instruktörsläget först.
    .detail = Bara en instruktör kan göra det här. Lås upp instruktörsläget med lösenfrasen först.
errors-ReservedCourseId = Kursen i paketet har samma id som den inbyggda kursen, och det id:t är reserverat. Därför importerades den inte. Ge kursen ett annat id i course.toml och packa den igen.
    .detail = Kursen i paketet har id:t ”{ $id }”, som är reserverat för den inbyggda kursen, så den importerades inte. Ge kursen ett annat id i course.toml och packa den igen.
errors-PackageRefused = Filen går inte att öppna på ett säkert sätt som kurspaket (till exempel pekar en fil i den utanför kursen), så ingenting installerades.
    .detail = { $file } öppnades inte: { $reason }
errors-CourseIdInvalid = Kursens id går inte att använda: använd små bokstäver a–z, siffror och -.
    .detail = kursens id `{ $id }` går inte att använda: använd små bokstäver a–z, siffror och `-`
errors-NoCourseLanguage = Välj minst ett språk för kursen.
    .detail = { errors-NoCourseLanguage }
errors-LanguageCodeInvalid = Det är ingen språkkod som sv eller en.
    .detail = `{ $lang }` är ingen språkkod som sv eller en
errors-TitleMissing = Kursen behöver en titel på vart och ett av sina språk.
    .detail = kursen behöver en titel på `{ $lang }`
errors-FolderTaken = Mappen är redan upptagen, så ingenting ändrades.
    .detail =
        { $purpose ->
            [rename] mappen { $path } finns redan: byt namn på den eller ta bort den först
            [newCourse] mappen { $path } finns redan och är inte tom: välj ett annat id eller en annan mapp
           *[unpack] { $path } finns redan; välj en ny mapp att öppna paketet i
        }
errors-NotSavedYet = Kursen kan inte sparas än: rätta problemet först.
    .detail = kursen kan inte sparas än: { $problem }
errors-FileTooLarge = En kursfil skulle bli större än de { $max } MiB en kursfil får vara, så ingenting sparades.
    .detail =
        { $path } skulle bli { $size } MiB, större än de { $max } MiB en kursfil får vara, så kursen skulle inte gå att öppna längre; ingenting sparades. { $remedy ->
            [gift] Importera GIFT-filen i delar, till mer än en modul.
           *[split] Dela upp den: färre frågor eller kortare lektioner per modul.
        }
errors-NotAFileName = Namnet går inte att använda som filnamn.
    .detail =
        { $what ->
            [moduleFolder] modulmappen
            [language] språket
            [lessonId] lektionens id
           *[scenarioId] rollspelets id
        } ”{ $name }” går inte att använda som filnamn
errors-NotACourseFolder = Mappen är ingen kursmapp: den har ingen course.toml.
    .detail = { $path } är ingen kursmapp: den har ingen course.toml
errors-NotAModuleFolder = Mappen är ingen modulmapp: den har ingen module.toml.
    .detail = { $path } är ingen modulmapp: den har ingen module.toml
errors-NotUtf8 = Filen är inte UTF-8-text. Spara den som UTF-8 och importera den igen.
    .detail = { $path } är inte UTF-8-text; spara den som UTF-8 och importera igen
errors-UnknownCompetency = Kursen har ingen sådan kompetens.
    .detail = kursen har ingen kompetens ”{ $competency }” (den har: { $known })
errors-NoImportLanguage = Inga språk angavs, och det finns ingen course.toml ovanför modulen att ta dem från.
    .detail = { errors-NoImportLanguage }
errors-QuizFileBroken = Modulens quiz.toml går inte att läsa. Rätta den innan du importerar till den.
    .detail = { $path }: { $detail } (rätta den innan du importerar till den)
errors-PackageTooManyFiles = Kursen har fler filer än ett paket rymmer.
    .detail = kursen har { $count } filer; ett paket rymmer högst { $max }
errors-PackageFileTooLarge = En fil i kursen är för stor för ett paket.
    .detail = { $name } är { $size }; en fil i ett paket får vara högst { $max }
errors-PackageTooLarge = Kursen är för stor för ett paket.
    .detail = kursen innehåller { $size }; ett paket får innehålla högst { $max }
errors-NameNotUnicode = Ett filnamn i kursen är inte giltig Unicode.
    .detail = { $path } har ett namn som inte är giltig Unicode
errors-SymlinkInCourse = Kursmappen innehåller en symbolisk länk; ett paket innehåller bara vanliga filer och mappar.
    .detail = { $name } är en symbolisk länk; ett paket innehåller bara vanliga filer och mappar
errors-NotAResultsFile = Det här är ingen resultatfil från Värdskap.
    .detail =
        Det här är ingen resultatfil från Värdskap: { $detail ->
            [none] den har inget fält ”format”.
           *[other] { $detail }
        }
errors-ResultsFormatUnknown = Resultatfilen skapades av en annan version av Värdskap och går inte att läsa.
    .detail = Resultatfilen har formatet ”{ $format }”; den här versionen av Värdskap läser ”{ $expected }”.
errors-ResultsFileDamaged = Resultatfilen är skadad.
    .detail = Resultatfilen är skadad: { $detail }
errors-ResultsSpanTooLong = Resultatfilen sträcker sig över fler år än en kurs kan, så den går inte att kontrollera.
    .detail = Resultatfilen sträcker sig över mer än { $maxDays } dagar, mer än en kurs kan; den går inte att kontrollera.
errors-ResultsNotWritten = Dina resultat gick inte att skriva. Försök igen.
    .detail = Resultaten gick inte att skriva: { $detail }
errors-CertificateNotMade = Intyget gick inte att skapa.
    .detail = Intyget (pdf) gick inte att skapa: { $detail }
errors-ClassReportNotMade = Klassrapporten gick inte att skapa.
    .detail = Klassrapporten (pdf) gick inte att skapa: { $detail }
errors-NotAVerificationCode = Det är ingen verifieringskod: en sådan har 16 bokstäver och siffror (0–9, A–F), som 1A2B-3C4D-5E6F-7081.
    .detail = ”{ $code }” är ingen verifieringskod: en sådan har 16 bokstäver och siffror (0–9, A–F), som 1A2B-3C4D-5E6F-7081.
errors-ProfileNameMissing = Skriv ett namn på profilen.
    .detail = En profil behöver ett namn.
errors-ProfileNameTooLong = Namnet är för långt: högst { $max } tecken.
    .detail = Ett profilnamn får vara högst { $max } tecken långt.
errors-PinInvalid = En PIN-kod behöver { $min } till { $max } tecken, utan mellanslag först eller sist.
    .detail = En PIN-kod behöver { $min } till { $max } tecken, utan mellanslag först eller sist.
errors-PassphraseTooShort = Lösenfrasen behöver minst { $min } tecken.
    .detail = Instruktörens lösenfras behöver minst { $min } tecken.
errors-PassphraseTooLong = Lösenfrasen är för lång: högst { $max } tecken.
    .detail = Instruktörens lösenfras får vara högst { $max } tecken lång.
errors-RunEnded = Rollspelet är redan slut.
    .detail = rollspelet ”{ $scenario }” är slut: noden ”{ $node }” är ett slut
errors-NotAChoice = Det valet finns inte här. Öppna rollspelet igen och välj en gång till.
    .detail = ”{ $choice }” är inget val vid noden ”{ $node }” i rollspelet ”{ $scenario }”
errors-InvitationInvalid = Filen är ingen klassinbjudan som Värdskap kan läsa. Be din lärare om en ny.
    .detail = { $file } är ingen klassinbjudan: { $field ->
        [none] det är inte JSON för en inbjudan, eller så är filen för stor.
       *[other] fältet ”{ $field }” saknas eller är fel.
    }
errors-InvitationInsecure = Klassinbjudan skulle skicka dina resultat okrypterat över nätverket, så den godtogs inte. Be din lärare om en inbjudan med en https-adress.
    .detail = Inbjudans adress { $endpoint } är inte https och ligger inte på den här datorn.
errors-ClassCourseNotInstalled = Klassen använder en kurs som inte är installerad här. Be din lärare om kursen först.
    .detail = Klassens kurs ”{ $course }” är inte installerad.
errors-PseudonymInvalid = Skriv ett namn på högst { $max } tecken.
    .detail = En pseudonym får inte vara tom eller längre än { $max } tecken.
errors-NotInClass = Du är inte med i någon klass för den här kursen.
    .detail = Deltagaren är inte med i någon klass för den här kursen.
errors-ClassNameInvalid = Ge klassen ett namn på högst { $max } tecken.
    .detail = Ett klassnamn får inte vara tomt, längre än { $max } tecken eller innehålla ett styrtecken.
errors-ClassAddressInvalid = Adressen går inte att använda: skriv en http- eller https-adress utan användarnamn, lösenord, ”?” eller ”#”.
    .detail = Klassens { $field ->
        [homePage] startsida
       *[other] LRS-adress
    } ”{ $address }” är ingen http- eller https-adress utan användarnamn, lösenord, frågedel eller fragment.
errors-ClassEndpointInsecure = LRS-adressen måste börja med https, annars skulle deltagarnas resultat och lösenord gå okrypterade över nätverket. Vanlig http går bara för en LRS på den här datorn.
    .detail = Klassens LRS-adress { $endpoint } är inte https och ligger inte på den här datorn.
errors-ClassCredentialInvalid = Kontrollera LRS-användarnamnen och lösenorden: inget får vara tomt, och ett användarnamn får inte innehålla kolon.
    .detail = { $field ->
        [username] Användarnamnet
       *[other] Lösenordet
    } för { $credential ->
        [read] lärarens läsbehörighet
       *[other] deltagarnas skrivbehörighet
    } är tomt, längre än { $max } tecken, innehåller ett styrtecken eller (ett användarnamn) ett kolon.
errors-ClassCourseUnknown = Den kursen är inte installerad här. Installera den innan du skapar en klass för den.
    .detail = Kursen ”{ $course }” är inte installerad, så ingen klass kan skapas för den.
errors-ClassLearnerRemoved = Deltagaren har tagits bort ur klassen, så deras resultat importeras inte igen.
    .detail = ”{ $name }” har tagits bort ur den här klassen; deras resultat importeras inte igen.
errors-ResultsFileTooLarge = Filen är för stor för att vara en resultatfil.
    .detail = { $file } är { $size } MiB, större än de { $max } MiB en resultatfil kan vara; den lästes inte.
errors-ResultsOtherCourse = Resultatfilen kommer från en annan kurs än klassens.
    .detail = { $file } innehåller resultat från kursen ”{ $course }”, inte från klassens kurs ”{ $expected }”.
errors-ResultsInconsistent = Siffrorna i resultatfilen stämmer inte med varandra, så den kan ha ändrats för hand. Be deltagaren att exportera sina resultat igen.
    .detail = { $file } importerades inte: { $problem ->
        [score] försök { $item } i ”{ $module }” har en poäng under 0 eller över sitt maxvärde.
        [share] andelen för försök { $item } i ”{ $module }” är inte poängen delad med maxvärdet.
        [passed] om försök { $item } i ”{ $module }” är godkänt följer inte av andelen och gränsen för godkänt.
        [questions] frågepoängen för försök { $item } i ”{ $module }” blir inte försökets poäng tillsammans, eller så ligger någon utanför sitt maxvärde.
        [grade] betyget för försök { $item } i ”{ $module }” följer inte av andelen och betygsgränserna.
        [best] det bästa resultatet i ”{ $module }” är inte det bästa försökets.
        [time] försök eller genomgång { $item } i ”{ $module }” saknar en giltig tid eller har en senare än när filen skrevs.
        [duplicate] försök eller genomgång { $item } i ”{ $module }” finns två gånger i filen.
        [run] rollspelsgenomgång { $item } i ”{ $module }” är markerad som godkänd trots ett dåligt slut eller ett kritiskt val.
        [name] deltagarens namn är tomt, för långt eller innehåller ett styrtecken.
       *[other] siffrorna stämmer inte med varandra.
    } Den kan ha ändrats för hand.

## instructor

instructor-detail = Detaljer: { $detail }
instructor-open = Instruktör
instructor-title = Instruktörsläge
instructor-lead = Instruktörer kan lägga in nya versioner av kursen och dela den med andra som ett kurspaket. Deltagare behöver inte det här.
instructor-setTitle = Välj en lösenfras för instruktörer
instructor-setLead = Ingen lösenfras är vald på den här datorn än. Välj en som bara instruktörer känner till, minst 8 tecken lång.
instructor-passphrase = Lösenfras
instructor-passphraseAgain = Samma lösenfras en gång till
instructor-set = Spara lösenfrasen
instructor-tooShort = Lösenfrasen behöver minst 8 tecken.
instructor-mismatch = De två lösenfraserna är inte likadana. Skriv dem igen.
instructor-unlockTitle = Lås upp instruktörsläget
instructor-unlock = Lås upp
instructor-wrong =
    { $secs ->
        [0] Lösenfrasen stämmer inte. Försök igen.
        [one] Lösenfrasen stämmer inte. Du kan försöka igen om { $secs } sekund.
       *[other] Lösenfrasen stämmer inte. Du kan försöka igen om { $secs } sekunder.
    }
instructor-wait =
    { $secs ->
        [0] För många felaktiga lösenfraser i rad. Vänta en sekund och försök igen.
        [one] För många felaktiga lösenfraser i rad. Vänta en sekund och försök igen.
       *[other] För många felaktiga lösenfraser i rad. Vänta { $secs } sekunder och försök igen.
    }
instructor-unlocked = Instruktörsläget är upplåst.
instructor-import = Importera ett kurspaket…
instructor-export = Exportera kurspaketet…
instructor-lock = Lås
instructor-packageFilter = Kurspaket för Värdskap
instructor-imported = Kursen ”{ $title }” version { $version } är installerad.
instructor-exported = Kurspaketet är sparat: { $path }
instructor-backToProfiles = Tillbaka till profilerna
instructor-editor = Kursredigeraren
instructor-findInChooser = Deltagarna hittar den under ”Kurser” på kursens startsida.
instructor-openedTitle = Kurspaketet du öppnade
instructor-openedLead = Appen öppnades med ”{ $name }”. Importera det för att installera kursen på den här datorn.
instructor-importOpened = Importera det öppnade paketet
instructor-openedLocked = Lås upp instruktörsläget för att importera kurspaketet du öppnade: ”{ $name }”.

## editor

editor-heading = Kursredigeraren
editor-lead = Här skriver och ändrar du kurser: moduler, lektioner, frågor och rollspel. Kursen sparas som textfiler i en egen mapp.
editor-openHeading = Öppna en kurs
editor-openLead = Välj mappen där kursens course.toml ligger.
editor-openFolder = Öppna en kursmapp…
editor-openTitle = Välj kursmappen
editor-newHeading = Ny kurs
editor-newLead = Den nya kursen börjar med en modul och en lektion. Du väljer var mappen ska ligga.
editor-newLanguages = Kursens språk
editor-newLanguagesProblem = Välj minst ett språk.
editor-newTitleIn = Titel ({ $language })
editor-newTitleProblem = Skriv en titel på alla kursens språk.
editor-newId = Kursens id
editor-newIdHint = Små bokstäver, siffror och bindestreck, till exempel gott-vardskap. Det blir också mappens namn.
editor-newIdProblem = Använd bara små bokstäver a–z, siffror och enkla bindestreck.
editor-newCreate = Välj mapp och skapa
editor-parentTitle = Välj var kursmappen ska ligga
editor-unreadableTitle = Kursfilerna går inte att öppna i redigeraren
editor-unreadableLead = Rätta först de här felen i en textredigerare och öppna sedan mappen igen.
editor-openAgain = Öppna igen
editor-openOther = Öppna en annan mapp
editor-toolbar = Verktyg för kursen
editor-folder = Mapp
editor-unsaved = Osparade ändringar
editor-allSaved = Alla ändringar är sparade
editor-save = Spara
editor-savedCount = Sparat. Problem kvar: { $count }.
editor-export = Exportera paket…
editor-exported = Kurspaketet är sparat ({ $files } filer): { $path }
editor-importGift = Importera GIFT…
editor-preview = Förhandsvisa som deltagare
editor-problems = Problem ({ $count })
editor-close = Stäng kursen
editor-leaveTitle = Du har osparade ändringar
editor-leaveLead = Vill du spara dem innan du lämnar redigeraren?
editor-leaveSave = Spara och lämna
editor-leaveDiscard = Lämna utan att spara
editor-leaveStay = Stanna kvar
editor-navLabel = Kursens delar
editor-problemCount = { $count } problem
editor-problemsTitle = Problem ({ $count })
editor-problemsNow = Problem i kursen nu: { $count }.
editor-noProblems =
    { $warnings ->
        [0] Inga problem hittades.
       *[other] Inga fel hittades. Varningar: { $warnings }. De hindrar inte att kursen sparas eller exporteras.
    }
editor-error = Fel
editor-warning = Varning
editor-warningCount = Varningar: { $count }. De hindrar inte att kursen sparas eller exporteras.
editor-optional = (valfritt)
editor-notANumber = Skriv ett tal, till exempel 2 eller 0,5.
editor-id = Id
editor-idHint = Deltagarnas resultat sparas per id: ändra det bara innan kursen används.
editor-courseIdHint = Deltagarnas resultat sparas per kurs-id: ändra det bara innan kursen används.
editor-moveUp = Flytta upp: { $name }
editor-moveDown = Flytta ner: { $name }
editor-moved = { $name } är nu nummer { $position } av { $count }.
editor-remove = Ta bort: { $name }
editor-removeAsk = Ta bort { $name }?
editor-removeYes = Ja, ta bort
editor-removeNo = Behåll
editor-removed = { $name } har tagits bort.
editor-course = Kurs
editor-version = Version
editor-languages = Språk
editor-languagesHint = Språkkoder med kommatecken emellan, det första är standardspråket, till exempel sv, en. Varje text behövs på alla språken.
editor-title = Titel
editor-description = Beskrivning
editor-passMark = Gräns för godkänt
editor-passMarkHint = Andelen poäng som krävs för godkänt, från 0 till 1, till exempel 0,8 för 80 %.
editor-competencies = Kompetenser
editor-competenciesHint = Det som kursen tränar. Varje fråga och varje val i ett rollspel ger poäng i en kompetens.
editor-addCompetency = Lägg till en kompetens
editor-modules = Moduler
editor-noModules = Kursen har inga moduler än.
editor-moduleN = Modul { $n }
editor-addModule = Lägg till en modul
editor-summary = Sammanfattning
editor-feedbackMode = När deltagarna får veta om de svarat rätt
editor-feedbackImmediate = Efter varje fråga
editor-feedbackDeferred = När quizet lämnas in
editor-modulePassMark = Gräns för godkänt i den här modulen
editor-modulePassMarkHint = Lämna tomt för att använda kursens.
editor-outcomes = Lärandemål
editor-outcomesHint = Vad deltagaren kan efter modulen, ett mål per rad i varje språk. De visas när modulen börjar och på kursintyget.
editor-outcomeN = Mål { $n }
editor-outcomeText = Målet
editor-addOutcome = Lägg till ett mål
editor-lessons = Lektioner
editor-addLesson = Lägg till en lektion
editor-questions = Frågor
editor-addQuestion = Lägg till en fråga
editor-scenarios = Rollspel
editor-addScenario = Lägg till ett rollspel
editor-lesson = Lektion
editor-markdownHint = Markdown. Första raden är rubriken: # Rubrik. Bilder läggs i modulens media-mapp.
editor-minutes = Lästid i minuter
editor-minutesHint = Ett heltal från 1 till 600. Lämna tomt så räknas lästiden fram ur texten, 180 ord per minut.
editor-markdownIn = Text på { $language } (Markdown)
editor-previewIn = Förhandsvisning, { $language }
editor-question = Fråga
editor-kind = Typ av fråga
editor-kind-single = Ett rätt svar
editor-kind-multiple = Flera rätta svar
editor-kind-true_false = Sant eller falskt
editor-kind-short_text = Kort textsvar
editor-kind-numeric = Svar med ett tal
editor-kind-ordering = Rätt ordning
editor-kind-matching = Para ihop
editor-kindChanged = Frågan är nu av typen: { $kind }.
editor-competency = Kompetens
editor-none = (ingen)
editor-points = Poäng
editor-prompt = Frågetext
editor-explanation = Förklaring
editor-explanationHint = Visas när deltagaren har svarat.
editor-options = Svarsalternativ
editor-singleHint = Markera det enda rätta alternativet.
editor-multipleHint = Markera alla rätta alternativ.
editor-shuffleOptions = Blanda alternativen
editor-shuffleOptionsHint = Varje deltagare får alternativen i en egen ordning. Stäng av för en skala, till exempel ”aldrig … alltid”.
editor-optionN = Alternativ { $id }
editor-correct = Rätt svar
editor-optionText = Text
editor-optionFeedback = Återkoppling när det väljs
editor-addOption = Lägg till ett alternativ
editor-rightAnswer = Rätt svar
editor-feedbackTrue = Återkoppling till ”sant”
editor-feedbackFalse = Återkoppling till ”falskt”
editor-accepted = Godtagna svar
editor-acceptedHint = Ett svar per rad, på varje språk.
editor-caseSensitive = Stora och små bokstäver måste stämma
editor-ignoreDiacritics = Godta svar utan accenter (cafe för café)
editor-numericAnswer = Rätt tal
editor-tolerance = Tolerans
editor-toleranceHint = Hur långt från rätt tal ett svar får ligga, till exempel 0,5.
editor-unit = Enhet
editor-items = Delar
editor-orderingHint = Skriv delarna i rätt ordning; deltagarna får dem blandade.
editor-itemN = Del { $n }
editor-itemText = Text
editor-addItem = Lägg till en del
editor-pairs = Par
editor-matchingHint = Skriv det som hör ihop; deltagarna får högersidorna blandade.
editor-pairN = Par { $n }
editor-pairLeft = Vänster sida
editor-pairRight = Höger sida (det som hör ihop med den)
editor-addPair = Lägg till ett par
editor-scenario = Rollspel
editor-intro = Inledning
editor-startNode = Startnod
editor-nodes = Noder
editor-nodesHint = Varje nod är ett ögonblick i samtalet. Den ger antingen val som leder till andra noder, eller avslutar rollspelet.
editor-nodeN = Nod { $id }
editor-isStart = start
editor-speaker = Vem som talar
editor-speakerHint = Lämna tomt för berättartext.
editor-nodeText = Vad som händer eller sägs
editor-ending = Slut
editor-noEnding = Inget slut: deltagaren väljer
editor-endingAsk = Noden { $id } har val ({ $count }). Väljer du ”{ $kind }” tas valen bort.
editor-endingYes = Ta bort valen och gör noden till ett slut
editor-endingNo = Behåll valen
editor-ending-good = Bra slut
editor-ending-mixed = Blandat slut
editor-ending-poor = Dåligt slut
editor-debrief = Sammanfattning för deltagaren
editor-choiceN = Val { $n }
editor-choiceText = Vad deltagaren gör
editor-next = Leder till nod
editor-choicePoints = Poäng
editor-choicePointsHint = Per kompetens, får vara negativa. Lämna tomt för inga.
editor-noCompetencies = Kursen har inga kompetenser än.
editor-choiceFeedback = Återkoppling
editor-critical = Allvarligt misstag
editor-criticalHint = Den som väljer detta blir underkänd i rollspelet oavsett poäng.
editor-shuffleChoices = Blanda valen
editor-shuffleChoicesHint = Varje genomspelning visar valen i en egen ordning. Stäng av när ordningen betyder något.
editor-addChoice = Lägg till ett val i { $node }
editor-addNode = Lägg till en nod
editor-nodeAdded = Noden { $id } har lagts till sist.
editor-previewTitle = Förhandsvisning som deltagare
editor-previewLanguage = Språk
editor-previewLead = Så som en deltagare ser det, utifrån det du har skrivit hittills. Inget sparas.
editor-previewAgain = Börja om
editor-previewNothing = Välj en lektion, fråga eller ett rollspel för att förhandsvisa.
editor-giftTitle = Importera frågor från GIFT
editor-giftLead = GIFT är textformatet som Moodle använder för frågebanker. Frågorna läggs till i den modul du väljer.
editor-giftModule = Till modul
editor-giftChoose = Välj en GIFT-fil…
editor-giftFilter = GIFT-frågebank
editor-giftFound = Frågor som kan importeras: { $count }
editor-giftCategories = Kategorier i filen: { $list }
editor-giftLine = rad { $line }
editor-giftWholeFile = hela filen
editor-giftProblems = Problem
editor-giftSkipped = Hoppades över
editor-giftNotes = Anmärkningar
editor-giftStale = Modulen, kompetensen eller modulens frågor har ändrats sedan filen lästes. Välj filen igen.
editor-giftAdd = Lägg till frågorna ({ $count }) i modulen
editor-giftAdded = Frågor som lades till: { $count }.

## courses

courses-title = Kurser
courses-lead = Det finns fler än en kurs på den här datorn. Välj den du vill arbeta med.
courses-current = Vald kurs

## final

final-title = Sluttest
final-lead = { $count } frågor från hela kursen, en ny blandning varje gång. Du ser resultatet när du har lämnat in.
final-marks = Godkänd från { $pass }, Väl godkänd från { $distinction }.
final-locked = Sluttestet öppnar när du har klarat alla moduler.
final-start = Gör sluttestet
final-continue = Fortsätt sluttestet
final-retake = Gör sluttestet igen
final-best = Bästa resultat: { $grade } ({ $score })
final-notTaken = Inte gjort ännu
final-grade-fail = Underkänd
final-grade-pass = Godkänd
final-grade-distinction = Väl godkänd
final-resultTitle = Ditt resultat på sluttestet
final-gradeIs = Betyg: { $grade }
final-verdict-fail = Du behöver { $mark } för Godkänd. Du kan göra testet igen med nya frågor.
final-verdict-pass = Du har klarat sluttestet. För Väl godkänd behövs { $mark }.
final-verdict-distinction = Du har klarat sluttestet med högsta betyg.
final-stillPassed = Ditt bästa tidigare resultat gäller fortfarande: { $grade }.
final-resultsCaption = Dina försök på sluttestet, nyaste först
final-resultsGrade = Betyg
final-resultsNone = Du har inte lämnat in sluttestet ännu.

## cli

cli-error = fel: { $message }
cli-usage = användning: { $usage }  (se --help)
cli-note = obs: { $message }
cli-noDataDir = ingen datamapp: ange --data-dir <mapp> eller sätt VARDSKAP_DATA_DIR
cli-syncReport = skickade { $sent }, lades åt sidan av lärandedatabasen { $setAside }, väntar fortfarande { $waiting }
cli-syncUnreachable = { $endpoint } gick inte att nå ({ $reason }); påståendena väntar till nästa synkning
cli-syncRefused = { $endpoint } godtog inte klassens användarnamn eller lösenord (HTTP { $status }); inget mer skickades
cli-syncOutbox = utkorgen kunde inte skickas: { $reason }
cli-noProgress = { $dir } innehåller inga framsteg från Värdskap ({ $file } saknas)
cli-noSuchProfile = det finns ingen profil som heter ”{ $name }” (det finns: { $names })
cli-noProfiles = inga
cli-profileHasPin = profilen ”{ $name }” har en pinkod: ange den med --pin
cli-courseNotInstalled = kursen ”{ $id }” är inte installerad
cli-noCourseInstalled = ingen kurs är installerad
cli-severalCourses = flera kurser är installerade; välj en med --course ({ $ids })
cli-learnerNotOpened = deltagarens framsteg gick inte att öppna
cli-noTempFolder = det gick inte att skapa en tillfällig mapp
cli-cannotWrite = { $path } gick inte att skriva: { $reason }
cli-cannotRead = { $path } gick inte att läsa: { $reason }
cli-notAFile = det är ingen fil
cli-cannotReadCourse = kursmappen { $path } gick inte att läsa: { $reason }
cli-courseUsage = vardskap-cli <validate|stats|pack> <kursmapp>
cli-courseProblems = { $context }: kursen har problem (se ovan)
cli-wroteResults = resultaten för { $name } i { $course } är sparade i { $path }
cli-noResults = inga resultat sparades
cli-wroteCertificate = intyget för { $name } är sparat i { $path } (verifieringskod { $code })
cli-noCertificate = inget intyg sparades
cli-codeMatches = stämmer: intygets kod passar resultaten i { $path }
cli-codeDiffers = stämmer inte: intyget eller resultaten i { $path } har ändrats, eller så hör de till någon annan
cli-notAModuleFolder = { $path } är ingen modulmapp: den har ingen { $file }
cli-noSuchCompetency = kursen har ingen kompetens ”{ $id }” (den har: { $known })
cli-noCompetency = kursen anger ingen kompetens; lägg till en i course.toml eller ange --competency
cli-cannotReadCourseOfModule = kursen som { $path } hör till gick inte att läsa (en modulmapp ligger i <kurs>/modules/): { $reason }
cli-skipped = hoppade över { $kind }: { $reason }
cli-imported =
    importerade { $count ->
        [one] 1 fråga
       *[other] { $count } frågor
    } för kompetensen `{ $competency }` till { $file }; hoppade över { $skipped }, { $problems ->
        [one] 1 problem
       *[other] { $problems } problem
    }
cli-nothingImported = ingenting i { $file } gick att importera
cli-notImported = ingenting importerades
cli-packed =
    packade { $files ->
        [one] 1 fil
       *[other] { $files } filer
    } ({ $bytes } byte) i { $package } ({ $packageBytes } byte)
cli-notPacked = { $path } packades inte
cli-unpacked =
    öppnade { $files ->
        [one] 1 fil
       *[other] { $files } filer
    } ({ $bytes } byte) i { $dir }
cli-notUnpacked = { $path } öppnades inte
cli-valid =
    kursen `{ $id }` { $version } är giltig: { $modules ->
        [one] 1 modul
       *[other] { $modules } moduler
    }, { $lessons ->
        [one] 1 lektion
       *[other] { $lessons } lektioner
    }, { $questions ->
        [one] 1 fråga
       *[other] { $questions } frågor
    }, { $scenarios } rollspel på { $languages }
cli-problems = { $count } problem
cli-warnings =
    { $count ->
        [one] 1 varning
       *[other] { $count } varningar
    }
cli-warningsFail =
    { $count ->
        [one] 1 varning (--strict: den gör att kontrollen misslyckas)
       *[other] { $count } varningar (--strict: de gör att kontrollen misslyckas)
    }
cli-problemsNotListed = kursen har { $count } problem; kör `vardskap-cli validate` för att se dem
cli-statsModule = modul
cli-statsLessons = lektioner
cli-statsQuestions = frågor
cli-statsScenarios = rollspel
cli-statsLanguages = språk
cli-complete = komplett
cli-incomplete = OFULLSTÄNDIG
cli-noLanguage = kursen har inget språk `{ $lang }` (den har: { $languages })

## gift

gift-rightOptions =
    { $count ->
        [one] Rätt svar
       *[other] Rätta svar
    }: { $answers }
gift-rightTruth =
    Rätt svar: { $value ->
        [true] sant
       *[false] falskt
    }
gift-accepted = Godtagna svar: { $answers }
gift-rightNumber = Rätt svar: { $answer }
gift-rightNumberWithin = Rätt svar: { $answer } ± { $tolerance }
gift-rightPairs = Rätta par: { $pairs }

## check

check-table =
    { $table ->
        [competency] kompetensen
        [final] sluttestet ([final])
        [lesson] lektionstabellen
        [question] frågan
        [option] alternativet
        [item] delen
        [pair] paret
        [scenario] rollspelet
        [node] noden
        [choice] valet
       *[other] { $table }
    }
check-aTable =
    { $table ->
        [competency] en kompetens
        [final] sluttestet ([final])
        [lesson] en lektionstabell
        [question] en fråga
        [option] ett alternativ
        [item] en del
        [pair] ett par
        [scenario] ett rollspel
        [node] en nod
        [choice] ett val
       *[other] { $table }
    }
check-found =
    { $found ->
        [string] en sträng
        [integer] ett heltal
        [float] ett decimaltal
        [boolean] ett sanningsvärde
        [datetime] en tidpunkt
        [array] en lista
        [table] en tabell
       *[other] { $found }
    }
check-idOf =
    { $what ->
        [course] kursens id
        [competency] kompetensens id
        [module] modulens id
        [question] frågans id
        [option] alternativets id
        [item] delens id
        [pair] parets id
        [node] nodens id
        [choice] valets id
        [scenarioFile] rollspelets id (filnamnet)
        [lessonFile] lektionens id (i filnamnet)
       *[other] id:t för { $what }
    }
check-path =
    { $more ->
        [0]
            { $steps ->
                [0] (inget val)
               *[other] { $head }
            }
       *[other] { $head } → … ({ $more } till) … → { $tail }
    }{ $loopCount ->
        [0] {""}
       *[other]
            , med ett varv runt slingan { $loop }{ $loopMore ->
                [0] {""}
               *[other] {" "}och { $loopMore } till
            }
    }
check-warning = varning
check-moreProblems = ytterligare { $more } problem i filen listas inte (bara de { $max } första)
check-tomlSyntax = TOML-syntaxfel: { $detail }
check-missingKey = { check-table } saknar `{ $key }`
check-unknownKey = okänd nyckel `{ $key }` i { check-aTable }
check-notString = `{ $key }` måste vara en sträng, inte { check-found }
check-notBool = `{ $key }` måste vara true eller false, inte { check-found }
check-notNumber = `{ $key }` måste vara ett tal, inte { check-found }
check-notTable = `{ $key }` måste vara en tabell, inte { check-found }
check-notText = `{ $key }` måste vara en tabell med en text per språk, som { $key } = {"{"} { $example } {"}"}, inte { check-found }
check-notTableList = `{ $key }` måste vara en lista med tabeller, skrivna [[{ $key }]], inte { check-found }
check-notStringList = `{ $key }` måste vara en lista med strängar, som ["…"], inte { check-found }
check-notTextList = `{ $key }` måste vara en lista med texter, som outcomes = [{"{"} { $example } {"}"}], inte { check-found }
check-notFinite = `{ $key }` måste vara ett ändligt tal
check-undeclaredLanguage = `{ $lang }` är inte ett av kursens språk ({ $languages })
check-emptyText = `{ $key }` är tom på `{ $lang }`
check-missingTranslation = `{ $key }` saknar översättning till `{ $lang }`
check-version = `version` måste vara ett semantiskt versionsnummer som 1.0.0, inte `{ $version }`
check-noCompetency = kursen anger ingen `[[competency]]`; varje fråga och varje val i ett rollspel hänvisar till en
check-drawNotWhole = `draw` är hur många frågor ett försök drar ur final.toml: ett heltal som är minst 1, inte { $value }
check-finalModuleNotString = `module` måste vara en sträng: id:t för den modul som frågan prövar
check-finalModuleMissing = en fråga i sluttestet saknar `module`: lägg till module = "<modulens id>" (den modul som frågan prövar)
check-finalNoQuestions = final.toml har ingen `[[question]]`: sluttestet drar sina frågor därifrån
check-noLanguages = course.toml saknar `languages`, till exempel languages = ["sv", "en"]
check-languagesEmpty = `languages` måste ange minst ett språk, till exempel ["sv", "en"]
check-notLanguageCode = `{ $lang }` är ingen språkkod som "sv" eller "en"
check-languageTwice = språket `{ $lang }` står två gånger
check-feedbackMode = `feedback` är `immediate` eller `deferred`, inte `{ $value }`
check-outcomeNotText = varje lärandemål är en tabell med en text per språk, som {"{"} { $example } {"}"}, inte { check-found }
check-lessonNotTable = `lesson.{ $lesson }` måste vara en tabell, skriven [lesson.{ $lesson }] med `minutes = 6` under
check-minutes = `minutes` är ett helt antal minuter från 1 till { $max }, inte { $value }
check-unknownKind = okänd frågetyp `{ $kind }` (en av: { $kinds })
check-keyOfOtherKind =
    `{ $key }` hör inte hemma i en { $kind }-fråga, bara i { $kinds ->
        [single-multiple] single- och multiple-frågor
        [true_false-numeric] true_false- och numeric-frågor
       *[other] { $kinds }-frågor
    }
check-noAccept = short_text-frågan saknar en lista `accept` med godtagna svar
check-acceptEmpty = inga godtagna svar för `{ $lang }`: ange minst ett
check-acceptBlank = ett godtaget svar får inte vara tomt
check-acceptMissingLanguage = `accept` saknar svar för `{ $lang }`
check-noNodes = ett rollspel har minst en `[[node]]`
check-endingKind = `ending` är `good`, `mixed` eller `poor`, inte `{ $value }`
check-endingNeedsDebrief = en nod med `ending` behöver en `debrief`
check-debriefWithoutEnding = bara en nod med `ending` har en `debrief`
check-endingWithChoices = en nod med `ending` är slutet på rollspelet och har inga val
check-notSlug = { check-idOf } `{ $id }` går inte att använda: skriv små bokstäver a–z, siffror och `-`, och börja med en bokstav eller siffra
check-duplicateId =
    id:t `{ $id }` används redan för { $what ->
        [course] kursen
        [competency] en annan kompetens
        [module] en annan modul
        [question] en annan fråga
        [option] ett annat alternativ
        [item] en annan del
        [pair] ett annat par
        [node] en annan nod
        [choice] ett annat val
       *[other] { $what }
    } (första gången på rad { $line })
check-passMark = `pass_mark` måste vara en andel av poängen, över 0 och högst 1 (till exempel 0.8), inte { $value }
check-points = `points` måste vara över 0, inte { $value }
check-tolerance = `tolerance` får inte vara negativ ({ $value })
check-unknownCompetency = okänd kompetens `{ $competency }` (course.toml anger: { $known })
check-atLeastTwo =
    en { $kind }-fråga behöver minst 2 { $kind ->
        [ordering] delar ([[question.item]])
        [matching] par ([[question.pair]])
       *[other] alternativ ([[question.option]])
    }, den har { $count }
check-noCorrectSingle = inget alternativ är markerat med `correct = true`; en fråga med ett rätt svar behöver exakt ett
check-noCorrectMultiple = inget alternativ är markerat med `correct = true`; en fråga med flera rätta svar behöver minst ett
check-secondCorrect = en fråga med ett rätt svar har exakt ett rätt alternativ; det här är ett andra
check-sameText =
    { $what ->
        [left] den här vänstra sidan
        [right] den här högra sidan
       *[other] den här delen
    } är likadan på `{ $lang }` som den på rad { $line }; deltagarna kan inte skilja dem åt
check-unknownNext = `next` pekar inte på någon nod i det här rollspelet: `{ $node }`
check-deadEnd = noden `{ $node }` har varken val eller slut: den leder ingenstans
check-unknownStart = `start` pekar inte på någon nod i det här rollspelet: `{ $node }`
check-endingUnreachable = slutet `{ $node }` går inte att nå: ingen väg från `start` leder dit
check-nodeUnreachable = noden `{ $node }` går inte att nå från `start`
check-loop = från noden `{ $node }` leder ingen väg till ett slut: valen går bara runt i en slinga
check-noGoodEnding = ingen väg från `start` leder till ett slut som är `good`
check-criticalEndsWell = det goda slutet `{ $ending }` går att nå efter det allvarliga misstaget `{ $choice }` i noden `{ $node }` (väg: { check-path }); ett allvarligt misstag får aldrig sluta bra
check-goodEndingCheap = det goda slutet `{ $ending }` går att nå med { $points } av { $best } poäng på vägen { check-path }; ett gott slut kräver minst hälften av den bästa vägens { $best }
check-distinction = `distinction` måste vara en andel av poängen, över 0 och högst 1 (till exempel 0.9), inte { $value }
check-distinctionBelowPass = `distinction` ({ $distinction }) är lägre än `pass_mark` ({ $passMark }): Väl godkänd kräver minst poängen för Godkänd
check-reservedModuleId = modul-id:t `{ $id }` är reserverat för kursens sluttest; välj ett annat id
check-unreadable = kursen gick inte att läsa
check-noModules = kursen har inga moduler: lägg till en mapp som modules/01-valkommen/ med en module.toml
check-duplicateModule = modul-id:t `{ $id }` används två gånger (också i { $file })
check-emptyModule = modulen har inga lektioner, frågor eller rollspel
check-finalFileMissing = `[final]` drar sina frågor ur final.toml i kursens rotmapp, och den filen saknas
check-finalHeadMissing = final.toml innehåller frågor till ett sluttest, men course.toml saknar `[final]` (med `draw`, `pass_mark` och `distinction`)
check-unknownModule = okänd modul `{ $module }` (kursens moduler: { $known })
check-finalIdTaken = fråge-id:t `{ $id }` är också en fråga i modulen `{ $module }`: svaren sparas per fråge-id, så en fråga i sluttestet behöver ett eget id
check-drawTooMany = `draw` är { $draw } men final.toml har { $count } frågor: ett försök kan inte dra fler än banken rymmer
check-lessonFileName = en lektionsfil heter som 01-lektionens-id.sv.md (nummer, id, språk)
check-duplicateLesson = lektions-id:t `{ $id }` används två gånger (också med numret { $number })
check-lessonMissingLanguage = lektionen `{ $lesson }` saknar en version på `{ $lang }`: den här filen saknas
check-fileTooLarge = filen är större än { $max } MiB; dela upp den i mindre lektioner eller moduler
check-fileIsLink = filen är en symbolisk länk; kursens filer måste ligga i kursmappen
check-fileMissing = filen saknas
check-cannotReadFile = filen gick inte att läsa: { $detail }
check-cannotReadFolder = mappen gick inte att läsa: { $detail }
check-linkSkipped = det här är en symbolisk länk; kursens filer måste ligga i kursmappen, så den läses inte
check-nameNotUtf8 = ett filnamn är inte giltig UTF-8: { $name }
check-lessonSettingUnknown =
    `[lesson.{ $lesson }]`: modulen har ingen lektion `{ $lesson }` ({ $count ->
        [0] modulen har inga lektioner
       *[other] dess lektioner är { $known }
    }; id:t är lektionsfilens namn utan nummer och språk)
check-notUtf8 = filen är inte giltig UTF-8-text
check-lessonNoTitle = en lektion börjar med sin rubrik på första raden, som `# Vad är värdskap?`
check-imageNoAlt = bilden `{ $image }` saknar alternativtext: beskriv den inom hakparenteserna, som ![Entrén](…)
check-nestedTooDeep = elementen är nästlade mer än { $max } nivåer djupt här; en lektion behöver långt färre
check-sanitised = säkerhetsfiltret fick ändra lektionens HTML (`<{ $tag }>`)
check-linkHttp = länken `{ $url }` måste använda https://
check-linkNotAllowed = länken `{ $url }` är inte tillåten: länkar går till https://-sidor, mailto:-adresser eller #ankare
check-imageNotRelative = bilden `{ $image }` måste vara en fil i kursmappen, skriven relativt till lektionen med `/`, som ../media/entre.svg
check-imageOutside = bilden `{ $image }` pekar utanför kursmappen
check-imageMissing = bildfilen `{ $file }` finns inte
check-htmlTag = rå HTML `<{ $tag }>` är inte tillåten i lektioner och skulle tas bort
check-htmlAttribute = attributet `{ $attribute }` på `<{ $tag }>` är inte tillåtet i lektioner och skulle tas bort
check-htmlImage = bilder i rå HTML stöds inte; använd Markdown: ![alternativtext](../media/fil.svg)
check-htmlValue = värdet `{ $value }` för `{ $attribute }` på `<{ $tag }>` är inte tillåtet och skulle tas bort
check-lintSameOption = alternativet `{ $option }` säger samma sak som alternativet `{ $first }` på `{ $lang }`: deltagaren ser två likadana val; låt varje alternativ säga något eget
check-lintLongestKey = det rätta alternativet är det längsta på `{ $lang }` ({ $length } tecken, det längsta felaktiga { $longestWrong }): den som väljer det längsta alternativet får rätt utan att kunna svaret; korta det rätta svaret eller ge ett felaktigt alternativ lika mycket detaljer
check-lintPromptGivesKey = frågetextens ord ”{ $promptWord }” upprepar ”{ $word }” i det rätta alternativet `{ $option }` på `{ $lang }`, och inget felaktigt alternativ har det: deltagarna kan matcha orden i stället för att kunna svaret; formulera om frågan eller alternativet
check-lintMostlyCorrect = { $correct } av { $total } alternativ är rätt: den som kryssar i allt får bra poäng, och de få felaktiga sticker ut; lägg till rimliga felaktiga alternativ eller gör det till en fråga med ett rätt svar
check-lintYear = obs: svaret { $answer } ser ut som ett årtal: att minnas datum säger lite om hur någon bemöter en gäst; fråga om en situation i stället
check-lintTrueFalse =
    { $count } av de { $total } sant/falskt-frågorna i { $group ->
        [final] sluttestets bank
       *[other] den här modulen
    } har facit `{ $value }`: den som alltid svarar { $value ->
        [true] sant
       *[other] falskt
    } får bra poäng; skriv om några så att ungefär lika många är sanna som falska
check-languageCode = `{ $lang }` är ingen språkkod som sv eller en
check-moduleFolderName = modulmappens namn `{ $folder }` går inte att använda
check-moduleFolderTwice = två moduler använder mappen { $path }
check-lessonIdFileName = lektions-id:t `{ $id }` kan inte ingå i ett filnamn: skriv små bokstäver a–z, siffror och `-`
check-scenarioIdFileName = rollspelets id `{ $id }` kan inte vara ett filnamn: skriv små bokstäver a–z, siffror och `-`
check-duplicateScenario = rollspels-id:t `{ $id }` används två gånger i den här modulen

## giftImport

giftImport-noLanguage = inget kursspråk angavs att importera frågorna till
giftImport-needsTranslation = frågorna importerades som { $first }; samma text lades i { $others }, som behöver översättas
giftImport-titleNotClosed = rubriken saknar avslutande `::`
giftImport-description = en text utan svar (description) är ingen fråga här
giftImport-essay = essäfrågor behöver en lärare som bedömer dem
giftImport-braceNotClosed = den här `{"{"}` saknar en avslutande `{"}"}`
giftImport-braceNotOpened = den här `{"}"}` saknar en inledande `{"{"}` före sig
giftImport-secondBlock = ett andra svarsblock: skilj frågorna åt med en tom rad, eller skriv klammern som `\{"{"}`
giftImport-strayText = text efter svaren hoppades över: `{ $text }`
giftImport-noText = frågan saknar text
giftImport-media = frågetexten länkar till eller bäddar in media, som en frågetext i ren text inte kan visa
giftImport-noGeneralFeedback = ingen allmän återkoppling (`####`): förklaringen anger det rätta svaret; skriv gärna en egen
giftImport-answerStart = svaren måste börja med `=` (rätt) eller `~` (fel)
giftImport-twoAnswers = en flervalsfråga behöver minst två svar
giftImport-answerNoText = ett svar saknar text
giftImport-partialWrong = ”{ $answer }” gav { $weight } % i Moodle; här räknas det som fel
giftImport-noneRight = inget svar är markerat som rätt (`=`, eller en positiv `%vikt%`)
giftImport-severalRight = flera svar är markerade som rätta med `=`; frågan importerades som en fråga med flera rätta svar
giftImport-catchAll = Moodles svar för allt annat, `*`, togs inte med
giftImport-notAccepted = ”{ $answer }” gav { $weight } % i Moodle; här godtas det inte
giftImport-partialAccepted = ”{ $answer }” gav { $weight } % i Moodle; här godtas det som helt rätt
giftImport-answerFeedback = återkopplingen till ”{ $answer }” togs inte med: korta svar har här en enda förklaring
giftImport-noneAccepted = inget svar godtas
giftImport-wrongNumberFeedback = återkopplingen till felaktiga tal togs inte med
giftImport-numberFeedback = återkopplingen till ett numeriskt svar togs inte med
giftImport-notANumber = `{ $value }` är inte ett tal, `tal:tolerans` eller `min..max`
giftImport-noNumber = en numerisk fråga behöver ett svar efter `#`
giftImport-noCredit = inget numeriskt svar ger några poäng
giftImport-bestNumber = bara det bästa av flera numeriska svar behölls
giftImport-partialNumber = svaret gav { $weight } % i Moodle; här är det helt rätt
giftImport-noArrow = ett par behöver `->` mellan sina sidor
giftImport-nothingAfterArrow = ett par har ingenting efter `->`
giftImport-distractor = det extra svaret ”{ $answer }” togs inte med: para ihop-frågor har här inga distraktorer
giftImport-sideTwice =
    två par har { $side ->
        [left] vänstersidan
       *[right] högersidan
    } ”{ $text }”: här har varje vänstersida en egen högersida
giftImport-twoPairs = en para ihop-fråga behöver minst två par

## certificate

certificate-title = Kursintyg
certificate-certifies = Detta intygar att
certificate-completed = har genomfört kursen
certificate-version = Version
certificate-date = Datum
certificate-modules = Moduler
certificate-best = Bästa resultat
certificate-competencies = Kompetenser
certificate-mastery = Behärskning
certificate-code = Verifieringskod
certificate-howToCheck = Koden kan kontrolleras mot deltagarens resultatfil: vardskap-cli verify-certificate --results <fil> --code <kod>
certificate-continued = fortsättning
certificate-outcomes = Lärandemål
certificate-finalTest = Sluttest
certificate-grade = Betyg
certificate-percent = { $percent } %

## newCourse

newCourse-competency = Allmänt
newCourse-moduleTitle = Modul 1
newCourse-lessonTitle = Lektion 1
newCourse-lessonBody = Skriv lektionen här.

## class: joining an instructor's class and sending results to it
class-open = Klass
class-title = Klass
class-lead = I en klass skickas dina resultat till lärarens lärandedatabas (LRS), så att läraren kan följa klassen. Du går med med inbjudningsfilen som du får av läraren.
class-choose = Öppna en klassinbjudan…
class-chooseTitle = Öppna en klassinbjudan
class-filter = Klassinbjudan
class-consentTitle = Gå med i { $name }?
class-consentCourse = Kurs: { $course } (version { $version })
class-consentWhat = Det här skickas
class-consentLessons = Vilka lektioner du öppnar.
class-consentAnswers = Dina svar på frågorna i quiz och sluttest, om de var rätt, och dina poäng.
class-consentRoleplays = Dina val i rollspel, hur de slutade och poängen.
class-consentCertificate = Att du har fått kursintyget.
class-consentWhere = Dit skickas det
class-consentHost = Till { $host }, klassens lärandedatabas ({ $endpoint }). Läraren läser det därifrån.
class-consentNot = Inget annat: inte din PIN-kod, inte det du gör i andra kurser, och aldrig någon e-postadress. Dina resultat finns kvar på den här datorn också.
class-consentOffline = Utan nätverk väntar dina resultat på den här datorn och skickas senare.
class-consentName = Under vilket namn
class-nameProfile = Mitt profilnamn ({ $name })
class-namePseudonym = En pseudonym, som bara läraren kan koppla till mig
class-pseudonym = Pseudonym
class-consentLeave = Du kan lämna klassen när du vill. Då skickas inget mer.
class-join = Gå med i klassen
class-cancel = Avbryt
class-joined = Du är med i { $name }.
class-sentAs = Dina resultat skickas som ”{ $name }” till { $host }.
class-statusSent = Allt är skickat
class-statusWaiting = { $count ->
        [one] 1 resultat väntar på att skickas
       *[other] { $count } resultat väntar på att skickas
    }
class-statusOffline = { $count ->
        [one] 1 resultat väntar på att skickas (utan kontakt sedan { $time })
       *[other] { $count } resultat väntar på att skickas (utan kontakt sedan { $time })
    }
class-statusRefused = Klassens lärandedatabas godtog inte klassens lösenord, så inget skickas. Be läraren om en ny inbjudan, eller försök igen.
class-statusRefusedShort = Sändningen stoppad: lösenordet godtogs inte
class-statusSetAside = { $count ->
        [one] Lärandedatabasen tog inte emot 1 resultat; det finns kvar här.
       *[other] Lärandedatabasen tog inte emot { $count } resultat; de finns kvar här.
    }
class-lastSent = Senast skickat { $time }.
class-sendNow = Skicka nu
class-waitingTitle = Inte skickat än
class-waitingNone = Inget väntar på att skickas.
class-setAside = Lärandedatabasen tog inte emot det: { $reason }
class-showStatement = Det här skickas
class-leave = Lämna klassen
class-leaveConfirm = { $count ->
        [0] Lämna { $name }? Inget mer skickas.
        [one] Lämna { $name }? Inget mer skickas, och det 1 resultat som inte är skickat än skickas inte.
       *[other] Lämna { $name }? Inget mer skickas, och de { $count } resultat som inte är skickade än skickas inte.
    }
class-leaveYes = Ja, lämna klassen
class-left = Du har lämnat klassen. Inget mer skickas.
class-verb-experienced = Läste
class-verb-answered = Svarade på
class-verb-responded = Valde i
class-verb-passed = Klarade
class-verb-failed = Klarade inte
class-verb-completed = Slutförde
class-verb-earned = Fick intyget för

## classes: the instructor's classes and class view
classes-open = Klasser
classes-title = Klasser
classes-lead = En klass skickar deltagarnas resultat till en lärandedatabas (LRS); här följer du den. Skapa en klass, exportera inbjudan och ge filen till deltagarna.
classes-none = Inga klasser än.
classes-new = Ny klass
classes-name = Klassens namn
classes-course = Kurs
classes-endpoint = LRS-adress (xAPI-adress)
classes-endpointHint = Till exempel https://lrs.example.org/xAPI/
classes-readUser = Ditt användarnamn för läsning (lärare)
classes-readPassword = Ditt lösenord för läsning
classes-writeUser = Deltagarnas användarnamn för att skicka
classes-writePassword = Deltagarnas lösenord för att skicka
classes-credentialsHint = Deltagarnas användarnamn och lösenord hamnar i inbjudningsfilen: ge dem bara rätt att skicka. Ditt eget stannar på den här datorn.
classes-create = Skapa klassen
classes-created = Klassen ”{ $name }” är skapad.
classes-show = Öppna
classes-delete = Ta bort klassen
classes-deleteConfirm = Ta bort ”{ $name }” från den här datorn? Det deltagarna har skickat finns kvar i lärandedatabasen.
classes-deleteYes = Ja, ta bort
classes-learnerCount = { $count ->
        [one] 1 deltagare
       *[other] { $count } deltagare
    }
classes-exportInvitation = Exportera inbjudan…
classes-invitationTitle = Spara klassinbjudan
classes-invitationFilter = Klassinbjudan
classes-invitationSaved = Inbjudan är sparad. Ge filen till deltagarna.
classes-refresh = Hämta nu
classes-fetching = Hämtar resultat…
classes-lastFetched = Hämtat { $time }.
classes-neverFetched = Inte hämtat än.
classes-fetched = { $count ->
        [0] Inga nya resultat.
        [one] 1 nytt resultat.
       *[other] { $count } nya resultat.
    }
classes-unreachable = Klassens lärandedatabas gick inte att nå, så siffrorna nedan är från den senaste hämtningen. { $reason }
classes-refused = Lärandedatabasen godtog inte ditt användarnamn eller lösenord för läsning.
classes-importFiles = Importera resultatfiler…
classes-importTitle = Importera deltagarnas resultatfiler
classes-importFilter = Resultatfil
classes-imported = { $name }: importerad.
classes-importRefused = { $name }: inte importerad. { $reason }
classes-tabTable = Deltagare
classes-tabMastery = Kompetenser
classes-tabItems = Frågor
classes-tabRoleplays = Rollspel
classes-learner = Deltagare
classes-module = Modul
classes-best = Bästa
classes-attempts = Försök
classes-lastActivity = Senast aktiv
classes-final = Sluttest
classes-passedCourse = Kursen klar
classes-passed = Klar
classes-notPassed = Inte klar
classes-noAttempt = –
classes-grade-fail = Underkänd
classes-grade-pass = Godkänd
classes-grade-distinction = Väl godkänd
classes-competency = Kompetens
classes-share = Andel rätt
classes-answers = Svar
classes-question = Fråga
classes-facility = Lösningsgrad
classes-discrimination = Särskiljning
classes-flags = Titta på
classes-flag-too_hard = för svår
classes-flag-too_easy = för lätt
classes-flag-weak_discrimination = svag särskiljning
classes-flag-negative_discrimination = negativ särskiljning
classes-flag-unchosen_distractor = ett alternativ som ingen valde
classes-options = Valda alternativ
classes-key = rätt svar
classes-scenario = Rollspel
classes-runs = Genomgångar
classes-endings = Slut (bra / blandat / dåligt)
classes-passShare = Klarade
classes-criticalChoices = Vanligaste kritiska valen
classes-noData = Inga resultat än.
classes-remove = Ta bort från den här datorn
classes-removeConfirm = Ta bort resultaten för { $name } från den här datorn? De finns kvar i lärandedatabasen; se integritetsbeskrivningen.
classes-removeYes = Ja, ta bort
classes-exportTableCsv = Klasstabellen som CSV…
classes-exportTableJson = Klasstabellen som JSON…
classes-exportItemsCsv = Frågeanalysen som CSV…
classes-exportItemsJson = Frågeanalysen som JSON…
classes-exportSaved = Sparat.
classes-print = Spara klassrapporten som pdf…
classes-printTitle = Spara klassrapporten
classes-back = Tillbaka till klasserna
classes-learnerPage = { $name }
classes-chartAlt = Samma siffror som tabell

## classReport: den utskrivbara klassrapporten (pdf), som kärnan ritar. Övriga
## ord är klassvyns (classes-…), så att utskrift och skärm säger samma sak.
classReport-title = Klassrapport
classReport-course = Kurs: { $title } (version { $version })
classReport-date = Datum: { $date }
classReport-table = Deltagare och moduler
classReport-tableModules = Deltagare och moduler { $first }–{ $last }
classReport-modules = Moduler
classReport-moduleKey = { $number }. { $title } (godkänt från { $percent })
classReport-legend = ✓ modulen klar · – inget försök än
classReport-modulesPassed = Klara moduler
classReport-mastery = Klassens behärskning per kompetens
classReport-items = Frågeanalys
classReport-itemsNote = Under varje fråga: hur många som valde varje alternativ och deras andel av de svar där valet är känt.
classReport-module = Modul
classReport-rolePlays = Mönster i rollspelen
classReport-learners = Deltagare
classReport-continued = forts.
classReport-page = Sida { $page } av { $pages }
classReport-percent = { $percent } %
classReport-decimal = { $sign }{ $whole },{ $fraction }

## about
about-open = Om appen
about-title = Om Värdskap
about-lead = Värdskap är en app för utbildning i gott värdskap och servicekänsla som fungerar utan nätverk.
about-version = Appens version
about-course = Kurs
about-courseVersion = { $title }, version { $version }
about-noCourse = Ingen kurs kunde läsas.
about-dataDir = Datamapp
about-dataDirNote = Här sparas dina framsteg, säkerhetskopiorna och de installerade kurserna.
about-openDataDir = Öppna datamappen
about-licences = Licenser
about-licencesLead = Värdskap är byggt med fri och öppen programvara: { $crates } Rust-paket (crates) och { $npm } npm-paket ingår i den här versionen. De och deras licenser listades när appen byggdes.
about-licencesLoading = Läser licenserna…
about-licencesMissing = Den här versionen saknar listan över licenser.
about-filter = Filtrera på namn eller licens
about-shown = { $shown } av { $total } visas
about-packages = Paket i appen
about-name = Namn
about-packageVersion = Version
about-licence = Licens
about-kind = Typ
about-kindCrate = Rust-paket
about-kindNpm = npm-paket
about-texts = Licenstexter
about-textsLead = Texten till varje licens, med de paket den gäller.
about-usedBy = { $count ->
        [one] gäller 1 paket
       *[other] gäller { $count } paket
    }
about-textFor = Den här texten följer med: { $names }
about-noText = De här har ingen egen licenstext med sig; deras licens är { $id }: { $names }
about-backToProfiles = Tillbaka till profilerna
