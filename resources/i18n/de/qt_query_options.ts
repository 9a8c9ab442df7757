<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtQueryOptions</name>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Loose</source>
        <translation>Locker</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Nur ganze Wörter</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Loose: any white space, curly or straight quotes</source>
        <translation>Locker: beliebiger Leerraum, typografische oder gerade Anführungszeichen</translation>
    </message>
    <message>
        <source>Match case (Alt+C)</source>
        <translation>Groß-/Kleinschreibung beachten (Alt+C)</translation>
    </message>
    <message>
        <source>Whole words only: no letter, digit, _ or combining mark either side (Alt+W)</source>
        <translation>Nur ganze Wörter: kein Buchstabe, keine Ziffer, kein _ und kein kombinierendes Zeichen daneben (Alt+W)</translation>
    </message>
    <message>
        <source>A regular expression, as Python writes them (Alt+R)</source>
        <translation>Ein regulärer Ausdruck, wie Python ihn schreibt (Alt+R)</translation>
    </message>
    <message>
        <source>White space matches any run of white space (NBSP, line breaks); quotes match curly or straight (Alt+L)</source>
        <translation>Leerraum passt auf jede Folge von Leerraum (NBSP, Zeilenumbrüche); Anführungszeichen passen typografisch oder gerade (Alt+L)</translation>
    </message>
</context>
</TS>
