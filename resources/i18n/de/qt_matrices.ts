<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtCooccurrencePanel</name>
    <message>
        <source>overlap (share a character)</source>
        <extracomment>What &quot;together&quot; means, as the within chooser offers it (translated when shown).</extracomment>
        <translation>Überlappung (gemeinsames Zeichen)</translation>
    </message>
    <message>
        <source>the same sentence</source>
        <translation>derselbe Satz</translation>
    </message>
    <message>
        <source>the same paragraph</source>
        <translation>derselbe Absatz</translation>
    </message>
    <message>
        <source>the same document</source>
        <translation>dasselbe Dokument</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Kookkurrenz</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Together by</source>
        <translation>Zusammen nach</translation>
    </message>
    <message>
        <source>Together &amp;by</source>
        <translation>Zusammen nach (&amp;B)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag(s). Enter on a cell lists the pairs it counts.</source>
        <translation>
            <numerusform>%Ln Tag. Eingabe auf einer Zelle listet die gezählten Paare.</numerusform>
            <numerusform>%Ln Tags. Eingabe auf einer Zelle listet die gezählten Paare.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a number: Enter on a cell lists the pairs it counts.</source>
        <translation>Wählen Sie eine Zahl: Eingabe auf einer Zelle listet die gezählten Paare.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s)</source>
        <translation>
            <numerusform>%Ln Paar</numerusform>
            <numerusform>%Ln Paare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{pairs} of %Ln segment(s): {row} × {column}.</source>
        <translation>
            <numerusform>{pairs} aus %Ln Segment: {row} × {column}.</numerusform>
            <numerusform>{pairs} aus %Ln Segmenten: {row} × {column}.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Co-occurrence</source>
        <translation>Kookkurrenz (&amp;C)</translation>
    </message>
</context>
<context>
    <name>QtDocumentMatrixPanel</name>
    <message>
        <source>count of annotations</source>
        <extracomment>What a documents × tags cell holds, as the measure chooser offers it (translated when shown).</extracomment>
        <translation>Anzahl der Annotationen</translation>
    </message>
    <message>
        <source>presence (1 or 0)</source>
        <translation>Vorkommen (1 oder 0)</translation>
    </message>
    <message>
        <source>characters coded</source>
        <translation>codierte Zeichen</translation>
    </message>
    <message>
        <source>Documents × tags</source>
        <translation>Dokumente × Tags</translation>
    </message>
    <message>
        <source>document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Cell kind</source>
        <translation>Zellenart</translation>
    </message>
    <message>
        <source>Cell &amp;kind</source>
        <translation>Zellenart (&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s). Enter on a cell lists its segments.</source>
        <translation>
            <numerusform>%Ln Dokument. Eingabe auf einer Zelle listet ihre Segmente.</numerusform>
            <numerusform>%Ln Dokumente. Eingabe auf einer Zelle listet ihre Segmente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a number: Enter on a cell lists its segments.</source>
        <translation>Wählen Sie eine Zahl: Eingabe auf einer Zelle listet ihre Segmente.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s): {row} × {column}.</source>
        <translation>
            <numerusform>%Ln Segment: {row} × {column}.</numerusform>
            <numerusform>%Ln Segmente: {row} × {column}.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Documents × tags</source>
        <translation>&amp;Dokumente × Tags</translation>
    </message>
</context>
<context>
    <name>QtMatrixPanel</name>
    <message>
        <source>Subta&amp;gs</source>
        <translation>Unter-Ta&amp;gs</translation>
    </message>
    <message>
        <source>A tag counts the tags inside it</source>
        <translation>Ein Tag zählt die Tags in ihm mit</translation>
    </message>
    <message>
        <source>A tag stands for itself and the tags inside it (Alt+G)</source>
        <translation>Ein Tag steht für sich und die Tags in ihm (Alt+G)</translation>
    </message>
    <message>
        <source>{title} segments</source>
        <translation>{title}: Segmente</translation>
    </message>
    <message>
        <source>C&amp;oder</source>
        <translation>C&amp;odierer</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>Die Bibliothek kann nicht gelesen werden: {error}</translation>
    </message>
</context>
</TS>
