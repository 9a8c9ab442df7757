<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtAgreementDialog</name>
    <message>
        <source>The library has changed since; this table may be out of date. Compute again (Alt+M).</source>
        <extracomment>The dialog&apos;s title, and the exported table&apos;s (the table&apos;s stays English, as the report does). What the dialog says once the library changed after its table was computed.</extracomment>
        <translation>Die Bibliothek hat sich seitdem geändert; diese Tabelle ist vielleicht veraltet. Berechnen Sie erneut (Alt+M).</translation>
    </message>
    <message>
        <source>missing values</source>
        <extracomment>What the uncoded chooser offers, with the service&apos;s names.</extracomment>
        <translation>fehlende Werte</translation>
    </message>
    <message>
        <source>a category of their own</source>
        <translation>eine eigene Kategorie</translation>
    </message>
    <message>
        <source>character: every code point of the stored text, white space included</source>
        <extracomment>The units as the unit chooser offers them (the exported report says them in English: service.UNIT_TEXT).</extracomment>
        <translation>Zeichen: jeder Codepunkt des gespeicherten Texts, Leerraum eingeschlossen</translation>
    </message>
    <message>
        <source>word: the words as word frequencies read them</source>
        <translation>Wort: die Wörter, wie die Worthäufigkeiten sie lesen</translation>
    </message>
    <message>
        <source>sentence: the sentences as search splits them</source>
        <translation>Satz: die Sätze, wie die Suche sie trennt</translation>
    </message>
    <message>
        <source>paragraph: the blocks between blank lines</source>
        <translation>Absatz: die Blöcke zwischen Leerzeilen</translation>
    </message>
    <message>
        <source>Intercoder agreement</source>
        <translation>Intercoder-Übereinstimmung</translation>
    </message>
    <message>
        <source>Cancelled; the table is that of the last run.</source>
        <translation>Abgebrochen; die Tabelle ist die des letzten Laufs.</translation>
    </message>
    <message>
        <source>Coders to compare, two or more</source>
        <translation>Zu vergleichende Codierer, zwei oder mehr</translation>
    </message>
    <message>
        <source>Tags to compare; none checked: every tag</source>
        <translation>Zu vergleichende Tags; keines angehakt: alle Tags</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Cate&amp;gorical: the tags are the categories of one variable</source>
        <translation>Kate&amp;gorial: Die Tags sind die Kategorien einer Variable</translation>
    </message>
    <message>
        <source>Categorical: the tags are the categories of one variable</source>
        <translation>Kategorial: Die Tags sind die Kategorien einer Variable</translation>
    </message>
    <message>
        <source>Uncoded units are</source>
        <translation>Uncodierte Einheiten sind</translation>
    </message>
    <message>
        <source>Co&amp;mpute</source>
        <translation>Berechnen (&amp;M)</translation>
    </message>
    <message>
        <source>Compute agreement</source>
        <translation>Übereinstimmung berechnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel computing</source>
        <translation>Berechnung abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close intercoder agreement</source>
        <translation>Intercoder-Übereinstimmung schließen</translation>
    </message>
    <message>
        <source>Disagreeme&amp;nts…</source>
        <translation>Abweichu&amp;ngen …</translation>
    </message>
    <message>
        <source>List every stretch where the chosen coders differ</source>
        <translation>Jede Stelle auflisten, an der die gewählten Codierer abweichen</translation>
    </message>
    <message>
        <source>Agreement progress</source>
        <translation>Fortschritt der Übereinstimmung</translation>
    </message>
    <message>
        <source>Choose two coders or more, then Compute.</source>
        <translation>Wählen Sie zwei oder mehr Codierer, dann Berechnen.</translation>
    </message>
    <message>
        <source>Agreement status</source>
        <translation>Status der Übereinstimmung</translation>
    </message>
    <message>
        <source>Agreement results</source>
        <translation>Ergebnisse der Übereinstimmung</translation>
    </message>
    <message>
        <source>&amp;Coders (two or more)</source>
        <translation>&amp;Codierer (zwei oder mehr)</translation>
    </message>
    <message>
        <source>&amp;Tags (none checked: every tag)</source>
        <translation>&amp;Tags (keines angehakt: alle Tags)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <source>Attribute &amp;value</source>
        <translation>Attribut&amp;wert</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Einheit (&amp;U)</translation>
    </message>
    <message>
        <source>Unc&amp;oded units are</source>
        <translation>Unc&amp;odierte Einheiten sind</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>Die Bibliothek kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>check two coders or more</source>
        <translation>haken Sie zwei oder mehr Codierer an</translation>
    </message>
    <message>
        <source>Not computed: blind coding is on; turn it off (View › Coders) to compare coders.</source>
        <translation>Nicht berechnet: Blindcodierung ist an; schalten Sie sie aus (Ansicht › Codierer), um Codierer zu vergleichen.</translation>
    </message>
    <message>
        <source>Not computed: {error}.</source>
        <translation>Nicht berechnet: {error}.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Berechne …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s), {undefined} undefined (the reason is beside each).</source>
        <translation>
            <numerusform>%Ln Ergebnis, {undefined} undefiniert (der Grund steht jeweils daneben).</numerusform>
            <numerusform>%Ln Ergebnisse, {undefined} undefiniert (der Grund steht jeweils daneben).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit value(s) were two categories at once, left out.</source>
        <translation>
            <numerusform>%Ln Einheitswert war zugleich zwei Kategorien und wurde ausgelassen.</numerusform>
            <numerusform>%Ln Einheitswerte waren zugleich zwei Kategorien und wurden ausgelassen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtAgreementFlow</name>
    <message>
        <source>Intercoder &amp;agreement…</source>
        <translation>Intercoder-Übereinstimmung (&amp;A) …</translation>
    </message>
    <message>
        <source>Agreement of two or more coders, exported with the method stated</source>
        <translation>Übereinstimmung von zwei oder mehr Codierern, exportiert mit Angabe der Methode</translation>
    </message>
</context>
<context>
    <name>QtAgreementModel</name>
    <message>
        <source>measure</source>
        <extracomment>The result columns&apos; headers, by the service&apos;s field names (an export keeps the field names).</extracomment>
        <translation>Maß</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>coders</source>
        <translation>Codierer</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>all tags</source>
        <translation>alle Tags</translation>
    </message>
    <message>
        <source>(categorical)</source>
        <translation>(kategorial)</translation>
    </message>
    <message>
        <source>pooled</source>
        <translation>gepoolt</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
</context>
</TS>
