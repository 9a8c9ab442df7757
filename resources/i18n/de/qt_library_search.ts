<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtLibrarySearch</name>
    <message>
        <source>Search the library</source>
        <extracomment>Auto-code asked for: the hits chosen (a list of :class:`SearchHit`), or, with none chosen, every hit of the search shown: (query, scope, the SHA-256 of every text when it was searched).</extracomment>
        <translation>Die Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Search the library for</source>
        <translation>Die Bibliothek durchsuchen nach</translation>
    </message>
    <message>
        <source>Search every document (Enter)</source>
        <translation>Alle Dokumente durchsuchen (Eingabe)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Suchen in</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Ganze Bibliothek</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Selected documents</source>
        <translation>Ausgewählte Dokumente</translation>
    </message>
    <message>
        <source>Documents where</source>
        <translation>Dokumente mit</translation>
    </message>
    <message>
        <source>Set to search</source>
        <translation>Zu durchsuchendes Set</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Attribute value</source>
        <translation>Attributwert</translation>
    </message>
    <message>
        <source>value (empty: any)</source>
        <translation>Wert (leer: beliebig)</translation>
    </message>
    <message>
        <source>&lt;u&gt;I&lt;/u&gt;n:</source>
        <translation>&lt;u&gt;I&lt;/u&gt;n:</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Gespeicherte Suchen</translation>
    </message>
    <message>
        <source>Saved searc&lt;u&gt;h&lt;/u&gt;:</source>
        <translation>Gespeicherte Suc&lt;u&gt;h&lt;/u&gt;e:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the saved search chosen (Alt+U)</source>
        <translation>Die gewählte gespeicherte Suche ausführen (Alt+U)</translation>
    </message>
    <message>
        <source>Run saved search</source>
        <translation>Gespeicherte Suche ausführen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Save this search in the library (Alt+A)</source>
        <translation>Diese Suche in der Bibliothek speichern (Alt+A)</translation>
    </message>
    <message>
        <source>Save this search as</source>
        <translation>Diese Suche speichern unter</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation>Gespeicherte Suche umbenennen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>Gespeicherte Suche löschen</translation>
    </message>
    <message>
        <source>Auto-code…</source>
        <translation>Automatisch codieren …</translation>
    </message>
    <message>
        <source>Auto-code the hits</source>
        <translation>Die Treffer automatisch codieren</translation>
    </message>
    <message>
        <source>Tag the selected hits, or every hit found, with one tag (Alt+O)</source>
        <translation>Die ausgewählten oder alle gefundenen Treffer mit einem Tag versehen (Alt+O)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Copy the selected hits</source>
        <translation>Die ausgewählten Treffer kopieren</translation>
    </message>
    <message>
        <source>Search progress</source>
        <translation>Suchfortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the search</source>
        <translation>Die Suche abbrechen</translation>
    </message>
    <message>
        <source>Stop searching (Esc)</source>
        <translation>Suche anhalten (Esc)</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Suchergebnis</translation>
    </message>
    <message>
        <source>Results out of date</source>
        <translation>Ergebnisse veraltet</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Wait for the search to end (or cancel it) before auto-coding its hits.</source>
        <translation>Warten Sie das Ende der Suche ab (oder brechen Sie sie ab), bevor Sie ihre Treffer automatisch codieren.</translation>
    </message>
    <message>
        <source>Search first: auto-code tags the hits found.</source>
        <translation>Suchen Sie zuerst: Automatisches Codieren taggt die gefundenen Treffer.</translation>
    </message>
    <message>
        <source>select documents in the library list first, or search another scope</source>
        <translation>wählen Sie zuerst Dokumente in der Bibliotheksliste, oder durchsuchen Sie einen anderen Bereich</translation>
    </message>
    <message>
        <source>the library has no set yet</source>
        <translation>die Bibliothek hat noch kein Set</translation>
    </message>
    <message>
        <source>the library has no attribute yet</source>
        <translation>die Bibliothek hat noch kein Attribut</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche …</translation>
    </message>
    <message>
        <source>Cancelled: {found} found before stopping.</source>
        <translation>Abgebrochen: {found} bis dahin gefunden.</translation>
    </message>
    <message>
        <source>Searching… {found} so far</source>
        <translation>Suche … bisher {found}</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln document(s)</source>
        <translation>
            <numerusform>in %Ln Dokument</numerusform>
            <numerusform>in %Ln Dokumenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s) {in_documents}</source>
        <translation>
            <numerusform>%Ln Treffer {in_documents}</numerusform>
            <numerusform>%Ln Treffer {in_documents}</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ The library changed since this search: these results may be out of date (F5 searches again).</source>
        <translation>⚠ Die Bibliothek hat sich seit dieser Suche geändert: Diese Ergebnisse sind vielleicht veraltet (F5 sucht erneut).</translation>
    </message>
    <message>
        <source>Choose a saved search first.</source>
        <translation>Wählen Sie zuerst eine gespeicherte Suche.</translation>
    </message>
    <message>
        <source>As saved</source>
        <translation>Wie gespeichert</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>Name dieser Suche:</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Saved the search “{name}”.</source>
        <translation>Die Suche „{name}“ wurde gespeichert.</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Not renamed: {error}</source>
        <translation>Nicht umbenannt: {error}</translation>
    </message>
    <message>
        <source>Renamed the saved search “{old}” to “{new}”.</source>
        <translation>Die gespeicherte Suche „{old}“ heißt jetzt „{new}“.</translation>
    </message>
    <message>
        <source>Not deleted: {error}</source>
        <translation>Nicht gelöscht: {error}</translation>
    </message>
    <message>
        <source>Deleted the saved search “{name}”.</source>
        <translation>Die gespeicherte Suche „{name}“ wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>QtSearchResultsModel</name>
    <message>
        <source>Before</source>
        <extracomment>How often (seconds) the search thread hands what it found to the window: often enough to look live, seldom enough that 1,000 documents are not 1,000 model inserts. The scope chooser&apos;s entries, in order; the last is there once a saved search had a scope the others cannot show (given documents, a set and an attribute value together). The columns&apos; headers (translated when shown).</extracomment>
        <translation>Davor</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Danach</translation>
    </message>
    <message numerus="yes">
        <source>{title} — %Ln hit(s)</source>
        <translation>
            <numerusform>{title} — %Ln Treffer</numerusform>
            <numerusform>{title} — %Ln Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source> (changed since the search)</source>
        <translation> (seit der Suche geändert)</translation>
    </message>
</context>
</TS>
