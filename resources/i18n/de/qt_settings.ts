<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtSettingsDialog</name>
    <message>
        <source>Follow system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
    <message>
        <source>Underline only</source>
        <translation>Nur Unterstreichung</translation>
    </message>
    <message>
        <source>Fill and underline</source>
        <translation>Füllung und Unterstreichung</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Schrift</translation>
    </message>
    <message>
        <source>Default (serif)</source>
        <translation>Standard (Serifenschrift)</translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation>Schri&amp;ft</translation>
    </message>
    <message>
        <source>Font size in points</source>
        <translation>Schriftgröße in Punkt</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Default ({size} pt)</source>
        <translation>Standard ({size} pt)</translation>
    </message>
    <message>
        <source>Font &amp;size</source>
        <translation>&amp;Schriftgröße</translation>
    </message>
    <message>
        <source>Maximum line width in characters</source>
        <translation>Größte Zeilenbreite in Zeichen</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <source>Full width</source>
        <translation>Volle Breite</translation>
    </message>
    <message>
        <source>Maximum line &amp;width</source>
        <translation>Größte Zeilenbreite (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>Lesen (&amp;R)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>Farbschema (&amp;T)</translation>
    </message>
    <message>
        <source>Highlight style</source>
        <translation>Hervorhebungsstil</translation>
    </message>
    <message>
        <source>&amp;Highlights</source>
        <translation>&amp;Hervorhebungen</translation>
    </message>
    <message>
        <source>Underline &amp;patterns per tag (colour is not the only cue)</source>
        <translation>Unterstreichungsmuster je Tag (Farbe ist nicht das einzige Merkmal) (&amp;P)</translation>
    </message>
    <message>
        <source>Underline patterns per tag</source>
        <translation>Unterstreichungsmuster je Tag</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Aussehen</translation>
    </message>
    <message>
        <source>Your name is saved with each annotation you make (as its coder), so a team&apos;s exports say who tagged what.</source>
        <translation>Ihr Name wird mit jeder Annotation gespeichert, die Sie anlegen (als ihr Codierer), damit die Exporte eines Teams sagen, wer was getaggt hat.</translation>
    </message>
    <message>
        <source>Your name as a coder</source>
        <translation>Ihr Name als Codierer</translation>
    </message>
    <message>
        <source>e.g. Ann Smith (leave empty for none)</source>
        <translation>z. B. Erika Muster (leer lassen für keinen)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Coder</source>
        <translation>&amp;Codierer</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Sprache (&amp;L)</translation>
    </message>
    <message>
        <source>Takes effect when Annotator restarts.</source>
        <translation>Wirkt nach einem Neustart von Annotator.</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Sprache (&amp;G)</translation>
    </message>
</context>
<context>
    <name>QtSettingsFlow</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen …</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Vergrößern (&amp;I)</translation>
    </message>
    <message>
        <source>Zoom o&amp;ut</source>
        <translation>Verkleinern (&amp;U)</translation>
    </message>
    <message>
        <source>Actual si&amp;ze</source>
        <translation>Originalgröße (&amp;Z)</translation>
    </message>
    <message>
        <source>Your annotations will now say they are by {coder}.</source>
        <translation>Ihre Annotationen nennen jetzt {coder} als Codierer.</translation>
    </message>
    <message>
        <source>Your annotations will now carry no coder name.</source>
        <translation>Ihre Annotationen tragen jetzt keinen Codierernamen.</translation>
    </message>
    <message>
        <source>Some settings were out of range and were brought within it.</source>
        <translation>Einige Einstellungen lagen außerhalb des gültigen Bereichs und wurden angepasst.</translation>
    </message>
    <message>
        <source>The settings could not be saved ({error}); they are used until you quit.</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden ({error}); sie gelten bis zum Beenden.</translation>
    </message>
    <message>
        <source>The zoom is already at its largest ({zoom}%).</source>
        <translation>Der Zoom ist bereits am größten ({zoom} %).</translation>
    </message>
    <message>
        <source>The zoom is already at its smallest ({zoom}%).</source>
        <translation>Der Zoom ist bereits am kleinsten ({zoom} %).</translation>
    </message>
    <message>
        <source>Zoom {zoom}%</source>
        <translation>Zoom {zoom} %</translation>
    </message>
</context>
</TS>
