<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Spanish for the few strings of Qt's own dialogs that qtbase_es.qm lacks or words as in
     Spain. Edited by hand; compiled to qt_extra_es.qm by tools/update_translations.py. -->
<TS version="2.1" language="es">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Buscar en:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Tipo de archivo:</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translation>&amp;Nombre de archivo:</translation>
        </message>
        <message>
            <source>All Files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>Carpeta:</translation>
        </message>
    </context>
</TS>
