<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>core.boilerplate</name>
    <message>
        <source>site furniture from &quot;{heading}&quot; to the end</source>
        <extracomment>Shortest paragraph (in code points, whitespace collapsed) whose repetition is cut. A block at least this long that contains a sentence end counts as prose. Longest line that can be a furniture heading. Headings that start the furniture after an article (compared case-insensitively, without surrounding punctuation such as &quot;#&quot;, &quot;:&quot; or &quot;»&quot;). Headings that start with these words (&quot;More from The Guardian&quot;) are furniture too. Why a part would be cut (:attr:`Cut.why`), filled with the cut&apos;s values.</extracomment>
        <translation>éléments du site de « {heading} » jusqu’à la fin</translation>
    </message>
    <message>
        <source>repeats the paragraph at line {line}</source>
        <translation>répète le paragraphe de la ligne {line}</translation>
    </message>
    <message>
        <source>repeats the line at line {line}</source>
        <translation>répète la ligne {line}</translation>
    </message>
</context>
</TS>
