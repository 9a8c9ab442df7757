<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtRetrievalDock</name>
    <message>
        <source>Retrieved segments</source>
        <translation>Abgerufene Segmente</translation>
    </message>
    <message>
        <source>&amp;Retrieved segments</source>
        <translation>Abgerufene Segmente (&amp;R)</translation>
    </message>
</context>
<context>
    <name>QtRetrievalPanel</name>
    <message>
        <source>The library has changed since; these rows may be out of date. Press F5 to run the query again.</source>
        <extracomment>What the view says once the library changed after a run.</extracomment>
        <translation>Die Bibliothek hat sich seitdem geändert; diese Zeilen sind vielleicht veraltet. F5 führt die Abfrage erneut aus.</translation>
    </message>
    <message>
        <source>Retrieved segments</source>
        <translation>Abgerufene Segmente</translation>
    </message>
    <message>
        <source>Retrieval query</source>
        <translation>Abrufabfrage</translation>
    </message>
    <message>
        <source>e.g. claim &amp; evidence, claim near/1 &quot;open question&quot;</source>
        <translation>z. B. Behauptung &amp; Beleg, Behauptung near/1 &quot;offene Frage&quot;</translation>
    </message>
    <message>
        <source>Operators, tightest first: near/N (within N sentences), &amp; (overlaps), - (overlaps none of), | (either); parentheses group. A PATH stands for its tag and the tags inside it; =PATH for that tag alone.</source>
        <translation>Operatoren, stärkste zuerst: near/N (innerhalb von N Sätzen), &amp; (überlappt), - (überlappt keines von), | (eines von beiden); Klammern gruppieren. Ein PFAD steht für sein Tag und die Tags darin; =PFAD nur für dieses Tag.</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Run the query</source>
        <translation>Die Abfrage ausführen</translation>
    </message>
    <message>
        <source>Characters of context</source>
        <translation>Zeichen Kontext</translation>
    </message>
    <message>
        <source> chars</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <source>Retrieval status</source>
        <translation>Abrufstatus</translation>
    </message>
    <message>
        <source>Retrieval progress</source>
        <translation>Abruffortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the retrieval</source>
        <translation>Den Abruf abbrechen</translation>
    </message>
    <message>
        <source>Retrieved segments table</source>
        <translation>Tabelle der abgerufenen Segmente</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>Abfrage (&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;oder</source>
        <translation>C&amp;odierer</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>Conte&amp;xt</source>
        <translation>Konte&amp;xt</translation>
    </message>
    <message>
        <source>Run query</source>
        <translation>Abfrage ausführen</translation>
    </message>
    <message>
        <source>Cancel retrieval</source>
        <translation>Abruf abbrechen</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>Die Bibliothek kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Retrieving…</source>
        <translation>Rufe ab …</translation>
    </message>
    <message>
        <source>Cancelled; the rows are those of the last run.</source>
        <translation>Abgebrochen; die Zeilen sind die des letzten Laufs.</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln document(s)</source>
        <translation>
            <numerusform>in %Ln Dokument</numerusform>
            <numerusform>in %Ln Dokumenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s) {in_documents}.</source>
        <translation>
            <numerusform>%Ln Segment {in_documents}.</numerusform>
            <numerusform>%Ln Segmente {in_documents}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtSegmentsModel</name>
    <message>
        <source>Document</source>
        <extracomment>Characters of context or quote a cell shows (a tooltip and Copy/Export have them whole). The role the proxy sorts by: a text with the row number last, so equal keys keep the retrieval&apos;s order.</extracomment>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Davor</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codierer</translation>
    </message>
</context>
</TS>
