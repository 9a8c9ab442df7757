<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtCoderPane</name>
    <message>
        <source>{coder}&apos;s coding</source>
        <translation>Codierung von {coder}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>{coder} coded: {codings}</source>
        <translation>{coder} codierte: {codings}</translation>
    </message>
</context>
<context>
    <name>QtDisagreementsModel</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Strittig</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Settled</source>
        <extracomment>How many coders Alt+1, Alt+2… can accept. The last column&apos;s header (translated when shown).</extracomment>
        <translation>Entschieden</translation>
    </message>
</context>
<context>
    <name>QtDisagreementsPanel</name>
    <message>
        <source>blind coding is on; turn it off (View › Coders) to compare coders</source>
        <extracomment>Why nothing is listed while the library is coded blind.</extracomment>
        <translation>Blindcodierung ist an; schalten Sie sie aus (Ansicht › Codierer), um Codierer zu vergleichen</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Abweichungen</translation>
    </message>
    <message>
        <source>Coders to compare</source>
        <translation>Zu vergleichende Codierer</translation>
    </message>
    <message>
        <source>Check two coders or more (Space)</source>
        <translation>Zwei oder mehr Codierer anhaken (Leertaste)</translation>
    </message>
    <message>
        <source>Tags compared</source>
        <translation>Verglichene Tags</translation>
    </message>
    <message>
        <source>Consensus coder</source>
        <translation>Konsens-Codierer</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>Konsens</translation>
    </message>
    <message>
        <source>The coder an accepted version is copied to</source>
        <translation>Der Codierer, zu dem eine übernommene Fassung kopiert wird</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>List the disagreements</source>
        <translation>Die Abweichungen auflisten</translation>
    </message>
    <message>
        <source>Disagreements table</source>
        <translation>Tabelle der Abweichungen</translation>
    </message>
    <message>
        <source>Each coder&apos;s version</source>
        <translation>Die Fassung jedes Codierers</translation>
    </message>
    <message>
        <source>&amp;Both</source>
        <translation>&amp;Beide</translation>
    </message>
    <message>
        <source>Accept every coder&apos;s version</source>
        <translation>Die Fassung jedes Codierers übernehmen</translation>
    </message>
    <message>
        <source>&amp;Neither</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>Accept no coder&apos;s version</source>
        <translation>Keine Fassung übernehmen</translation>
    </message>
    <message>
        <source>Accept coder {number}</source>
        <translation>Codierer {number} übernehmen</translation>
    </message>
    <message>
        <source>Disagreements status</source>
        <translation>Status der Abweichungen</translation>
    </message>
    <message>
        <source>Disagreements progress</source>
        <translation>Fortschritt der Abweichungen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel listing the disagreements</source>
        <translation>Auflisten der Abweichungen abbrechen</translation>
    </message>
    <message>
        <source>List the disagreements again</source>
        <translation>Die Abweichungen erneut auflisten</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <translation>C&amp;odierer</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>Ta&amp;gs</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>&amp;Consensus coder</source>
        <translation>&amp;Konsens-Codierer</translation>
    </message>
    <message>
        <source>Accept:</source>
        <translation>Übernehmen:</translation>
    </message>
    <message>
        <source>{coder}&apos;s coding</source>
        <translation>Codierung von {coder}</translation>
    </message>
    <message>
        <source>Accept {coder}&apos;s version</source>
        <translation>Die Fassung von {coder} übernehmen</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>Die Bibliothek kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <source>check two coders or more (Alt+O, then Space)</source>
        <translation>haken Sie zwei oder mehr Codierer an (Alt+O, dann Leertaste)</translation>
    </message>
    <message>
        <source>Not listed: {error}.</source>
        <translation>Nicht aufgelistet: {error}.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleiche …</translation>
    </message>
    <message>
        <source>Cancelled; the list is that of the last run.</source>
        <translation>Abgebrochen; die Liste ist die des letzten Laufs.</translation>
    </message>
    <message>
        <source>{coders} agree everywhere compared.</source>
        <translation>{coders} stimmen überall im Vergleich überein.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln stretch(es) where {coders} differ, largest first. Enter shows one in the text; Alt+1, Alt+2… accept a coder&apos;s version, Alt+B all, Alt+N neither.</source>
        <translation>
            <numerusform>%Ln Stelle, an der {coders} abweichen, größte zuerst. Eingabe zeigt sie im Text; Alt+1, Alt+2 … übernehmen die Fassung eines Codierers, Alt+B alle, Alt+N keine.</numerusform>
            <numerusform>%Ln Stellen, an denen {coders} abweichen, größte zuerst. Eingabe zeigt eine im Text; Alt+1, Alt+2 … übernehmen die Fassung eines Codierers, Alt+B alle, Alt+N keine.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not accepted: {error}.</source>
        <translation>Nicht übernommen: {error}.</translation>
    </message>
    <message>
        <source>Not accepted: type a name for the consensus coder first (Alt+C).</source>
        <translation>Nicht übernommen: Geben Sie zuerst einen Namen für den Konsens-Codierer ein (Alt+C).</translation>
    </message>
    <message>
        <source>Not accepted: the consensus coder must be another name than the coders compared, not &apos;{name}&apos;.</source>
        <translation>Nicht übernommen: Der Konsens-Codierer braucht einen anderen Namen als die verglichenen Codierer, nicht „{name}“.</translation>
    </message>
    <message>
        <source>Choose a stretch in the list first.</source>
        <translation>Wählen Sie zuerst eine Stelle in der Liste.</translation>
    </message>
    <message>
        <source>Accepted {choice} for {where}.</source>
        <translation>{choice} übernommen für {where}.</translation>
    </message>
    <message>
        <source>Undone: {where} is open again.</source>
        <translation>Rückgängig: {where} ist wieder offen.</translation>
    </message>
    <message>
        <source>Disa&amp;greements</source>
        <translation>Abweichun&amp;gen</translation>
    </message>
</context>
</TS>
