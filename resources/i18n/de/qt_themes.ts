<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtAppearanceMenus</name>
    <message>
        <source>Follow &amp;system</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>He&amp;ll</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation>S&amp;epia</translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation>&amp;Füllung</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>&amp;Unterstreichung</translation>
    </message>
    <message>
        <source>Fill &amp;and underline</source>
        <translation>Füllung und Unterstreichung (&amp;A)</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>Farbsc&amp;hema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Highlight st&amp;yle</source>
        <translation>Hervorhebungsstil (&amp;Y)</translation>
    </message>
    <message>
        <source>Highlight style</source>
        <translation>Hervorhebungsstil</translation>
    </message>
    <message>
        <source>Tag &amp;patterns</source>
        <translation>Tag-Muster (&amp;P)</translation>
    </message>
    <message>
        <source>Underline each tag in a pattern of its own (solid, dashed, dotted, wavy…), in codebook order; while other coders are shown in their underline styles, theirs win</source>
        <translation>Jeden Tag in einem eigenen Muster unterstreichen (durchgezogen, gestrichelt, gepunktet, gewellt …), in der Reihenfolge des Codebuchs; solange andere Codierer in ihren Unterstreichungsstilen gezeigt werden, haben deren Stile Vorrang</translation>
    </message>
</context>
</TS>
