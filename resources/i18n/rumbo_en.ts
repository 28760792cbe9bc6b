<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="es">
    <context>
        <name>AccessDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="158" />
            <source>&amp;Contraseña</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="161" />
            <source>&amp;Dar acceso o cambiar</source>
            <translation>&amp;Give access or change</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="162" />
            <source>&amp;Quitar el acceso</source>
            <translation>&amp;Remove access</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="158" />
            <source>&amp;Rol</source>
            <translation>&amp;Role</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="158" />
            <source>&amp;Usuario</source>
            <translation>&amp;User</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="142" />
            <source>Acceso de los asesores</source>
            <translation>Advisers' access</translation>
        </message>
        <message>
            <source>Administrador</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="144" />
            <source>Asesor</source>
            <translation>Adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="258" />
            <source>Cambiando la llave de la base de datos…</source>
            <translation>Changing the database key…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="163" />
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="273" />
            <source>Cifrando las copias de seguridad con la llave nueva…</source>
            <translation>Encrypting the backups with the new key…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="279" />
            <source>Contraseñas por renovar</source>
            <translation>Passwords to renew</translation>
        </message>
        <message>
            <source>Coordinador</source>
            <translation>Coordinator</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="170" />
            <source>Elija un asesor; escriba su usuario, su rol y una contraseña que le entregará en persona.</source>
            <translation>Choose an adviser; type their user name, their role and a password you will hand them in person.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="240" />
            <source>Espere a que termine la tarea en curso: quitar el acceso cambia la llave de la base de datos.</source>
            <translation>Wait for the running task to finish: removing access changes the database key.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="280" />
            <source>La base tiene una llave nueva. Estos asesores no habían entrado desde la actualización de Rumbo y necesitan una contraseña nueva (elíjalos en esta lista): {names}.</source>
            <translation>The database has a new key. These advisers had not signed in since Rumbo was updated and need a new password (choose them in this list): {names}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="159" />
            <source>R&amp;epita la contraseña</source>
            <translation>R&amp;epeat the password</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="144" />
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="144" />
            <source>Usuario</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="187" />
            <source>sin acceso</source>
            <translation>no access</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="189" />
            <source>{login} (sin contraseña)</source>
            <translation>{login} (no password)</translation>
        </message>
    </context>
    <context>
        <name>AdviserDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="72" />
            <source>&amp;Centro</source>
            <translation>&amp;Centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="71" />
            <source>&amp;Nombre *</source>
            <translation>&amp;Name *</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="68" />
            <source>&amp;Registrarme y continuar</source>
            <translation>&amp;Register and continue</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="56" />
            <source>&amp;Usar este asesor</source>
            <translation>&amp;Use this adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="58" />
            <source>Asesores registrados</source>
            <translation>Registered advisers</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="81" />
            <source>Así lo verán los demás equipos y el centro en los paquetes y conflictos.</source>
            <translation>Other devices and the centre will see this name in bundles and conflicts.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="47" />
            <source>Cada cambio queda registrado a nombre del asesor que lo hace. Elija su nombre o regístrese.</source>
            <translation>Every change is recorded under the name of the adviser who makes it. Choose your name or register.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="73" />
            <source>Correo &amp;electrónico</source>
            <translation>&amp;Email</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="116" />
            <source>Elija su nombre con las flechas; Enter o doble clic lo usa.</source>
            <translation>Choose your name with the arrow keys; Enter or a double click uses it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="153" />
            <source>Escriba un nombre para este equipo.</source>
            <translation>Type a name for this device.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="79" />
            <source>Este equipo</source>
            <translation>This computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="78" />
            <source>Laptop de …</source>
            <translation>Laptop of …</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="83" />
            <source>Nombre del &amp;equipo *</source>
            <translation>&amp;Device name *</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="64" />
            <source>Nombre y apellido</source>
            <translation>First and last name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="69" />
            <source>Nuevo asesor</source>
            <translation>New adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="91" />
            <source>Salir</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="67" />
            <source>nombre@dominio.org</source>
            <translation>name@domain.org</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/adviser_dialog.py" line="44" />
            <source>¿Quién usa Rumbo en este equipo?</source>
            <translation>Who is using Rumbo on this computer?</translation>
        </message>
    </context>
    <context>
        <name>AdvisoryTab</name>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="74" />
            <source>&amp;Plan desde la última evaluación</source>
            <translation>&amp;Plan from the last assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="59" />
            <source>&amp;Verificar hito</source>
            <translation>&amp;Verify milestone</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="75" />
            <source>A&amp;gregar acción…</source>
            <translation>A&amp;dd action…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="66" />
            <source>Acción</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="44" />
            <source>Certificación</source>
            <translation>Certification</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="47" />
            <source>Certificado</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="49" />
            <source>Constancia o registro</source>
            <translation>Certificate of record or registration</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="47" />
            <source>Contrato</source>
            <translation>Contract</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="49" />
            <source>Declaración firmada</source>
            <translation>Signed statement</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="45" />
            <source>Declarado por la empresa</source>
            <translation>Declared by the firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="79" />
            <source>Desc&amp;artar…</source>
            <translation>Dro&amp;p…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="53" />
            <source>Descartada</source>
            <translation>Dropped</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="298" />
            <source>Descartar acción</source>
            <translation>Drop action</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="65" />
            <source>Detalle</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="58" />
            <source>Docu&amp;mento visto…</source>
            <translation>Docu&amp;ment seen…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="45" />
            <source>Documento visto por el asesor</source>
            <translation>Document seen by the adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="76" />
            <source>Ed&amp;itar acción…</source>
            <translation>Ed&amp;it action…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="51" />
            <source>El centro</source>
            <translation>The centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="263" />
            <source>El plan tiene {n} acciones.</source>
            <translation>The plan has {n} actions.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="218" />
            <source>Elija en la línea de tiempo un hito declarado (para su documento) o documentado (para verificarlo).</source>
            <translation>Choose a declared milestone (for its document) or a documented one (to verify it) in the timeline.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="202" />
            <source>Elija en la línea de tiempo una sesión con próximo paso.</source>
            <translation>Choose a session with a next step in the timeline.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="268" />
            <source>Elija primero una acción del plan.</source>
            <translation>Choose an action of the plan first.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="42" />
            <source>Empleos</source>
            <translation>Jobs</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="78" />
            <source>En c&amp;urso</source>
            <translation>In p&amp;rogress</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="52" />
            <source>En curso</source>
            <translation>In progress</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="40" />
            <source>En el centro</source>
            <translation>At the centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="66" />
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="48" />
            <source>Estados financieros</source>
            <translation>Financial statements</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="42" />
            <source>Exportaciones</source>
            <translation>Exports</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="47" />
            <source>Factura</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="65" />
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="66" />
            <source>Fecha límite</source>
            <translation>Due date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="43" />
            <source>Financiamiento obtenido</source>
            <translation>Finance obtained</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="46" />
            <source>Firmado por el cliente</source>
            <translation>Signed by the client</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="43" />
            <source>Formalización</source>
            <translation>Formalisation</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="52" />
            <source>Hecha</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="247" />
            <source>Hito verificado.</source>
            <translation>Milestone verified.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="51" />
            <source>La empresa</source>
            <translation>The firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="256" />
            <source>La empresa aún no tiene una evaluación terminada.</source>
            <translation>The firm has no completed assessment yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="77" />
            <source>Marcar he&amp;cha</source>
            <translation>Mark &amp;done</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="50" />
            <source>Otro documento</source>
            <translation>Other document</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="52" />
            <source>Pendiente</source>
            <translation>Pending</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="97" />
            <source>Plan de acción (Alt+↑ / Alt+↓ cambian el orden; Enter edita)</source>
            <translation>Action plan (Alt+↑ / Alt+↓ change the order; Enter edits)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="125" />
            <source>Plan de acción de la empresa</source>
            <translation>Action plan of the firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="57" />
            <source>Próximo paso a &amp;tarea</source>
            <translation>Next step to &amp;task</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="66" />
            <source>Quién</source>
            <translation>Who</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="65" />
            <source>Qué</source>
            <translation>What</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="56" />
            <source>Registrar &amp;hito…</source>
            <translation>Record &amp;milestone…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="55" />
            <source>Registrar &amp;sesión…</source>
            <translation>Record &amp;session…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="124" />
            <source>Sesiones, evaluaciones e hitos de la empresa</source>
            <translation>Sessions, assessments and milestones of the firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="95" />
            <source>Sesiones, evaluaciones e hitos, del más reciente al más antiguo</source>
            <translation>Sessions, assessments and milestones, newest first</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="40" />
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="42" />
            <source>Ventas</source>
            <translation>Sales</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="240" />
            <source>Verificar hito</source>
            <translation>Verify milestone</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="41" />
            <source>Videollamada</source>
            <translation>Video call</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="40" />
            <source>Visita a la empresa</source>
            <translation>Visit to the firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="161" />
            <source>{day} (vencida)</source>
            <translation>{day} (overdue)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="209" />
            <source>«{title}» está en el plan; Enter lo edita (responsable, fecha límite).</source>
            <translation>“{title}” is in the plan; Enter edits it (who, due date).</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="298" />
            <source>¿Por qué se descarta?</source>
            <translation>Why is it dropped?</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_tab.py" line="238" />
            <source>¿Verificar «{what}» ({detail})? Quedará verificado a su nombre, con la fecha de hoy, y contará en el informe para financiadores.</source>
            <translation>Verify “{what}” ({detail})? It will be verified in your name, with today’s date, and will count in the funder report.</translation>
        </message>
    </context>
    <context>
        <name>AssessmentResultsView</name>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="187" />
            <source>&amp;Imprimir informe…</source>
            <translation>&amp;Print report…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="190" />
            <source>&amp;Seguimiento de la empresa</source>
            <translation>Firm &amp;follow-up</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="295" />
            <source>(dimensiones sin respuestas suficientes; no son brechas)</source>
            <translation>(dimensions without enough answers; they are not gaps)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="267" />
            <source>(no suma puntos)</source>
            <translation>(earns no points)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="102" />
            <source>(provisional)</source>
            <translation>(provisional)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="144" />
            <source>(sin datos)</source>
            <translation>(no data)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="176" />
            <source>Acción</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="176" />
            <source>Ahora</source>
            <translation>Now</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="176" />
            <source>Antes</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="313" />
            <source>Antes de todo</source>
            <translation>First of all</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="156" />
            <source>Aporte</source>
            <translation>Contribution</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="131" />
            <source>Bloqueos</source>
            <translation>Band caps</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="308" />
            <source>Cada instrumento dice cuánto lo respalda el estudio: si lo vincula con este tipo de empresa, si lo describe como útil ante una brecha de las respuestas, o si es criterio del centro.</source>
            <translation>Each instrument says how far the study backs it: whether it pairs it with this kind of firm, describes it as useful for a gap in the answers, or whether it is the centre's criterion.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="177" />
            <source>Cambio</source>
            <translation>Change</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="107" />
            <source>Cobertura de respuestas: </source>
            <translation>Answer coverage: </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="313" />
            <source>Condición previa</source>
            <translation>Precondition</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="179" />
            <source>Descartada</source>
            <translation>Dropped</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="176" />
            <source>Dimensión</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="155" />
            <source>Dimensión / pregunta</source>
            <translation>Dimension / question</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="364" />
            <source>Documentos PDF (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="334" />
            <source>Dónde lo dice el estudio</source>
            <translation>Where the study says it</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="342" />
            <source>Ejemplos que cita el estudio (CEPAL, 2013; no son la oferta de hoy)</source>
            <translation>Examples the study cites (ECLAC, 2013; not today's offer)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="213" />
            <source>El plan desde la evaluación anterior: qué se hizo y qué se movió</source>
            <translation>The plan since the previous assessment: what was done and what moved</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="178" />
            <source>En curso</source>
            <translation>In progress</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="176" />
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="135" />
            <source>Etapa de internacionalización</source>
            <translation>Internationalization stage</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="99" />
            <source>Evaluación incompleta</source>
            <translation>Incomplete assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="156" />
            <source>Evidencia</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="210" />
            <source>Explicación de cada puntaje (abra una dimensión)</source>
            <translation>How each score was reached (open a dimension)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="363" />
            <source>Guardar informe</source>
            <translation>Save report</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="178" />
            <source>Hecha</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="223" />
            <source>Idioma del in&amp;forme:</source>
            <translation>Report lan&amp;guage:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="189" />
            <source>Idioma del informe</source>
            <translation>Report language</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="374" />
            <source>Informe</source>
            <translation>Report</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="215" />
            <source>Instrumentos de apoyo recomendados y plan de acción</source>
            <translation>Recommended support instruments and action plan</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="337" />
            <source>Lo que dice el estudio del instrumento</source>
            <translation>What the study says of the instrument</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="283" />
            <source>No aplica a esta empresa</source>
            <translation>Does not apply to this firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="304" />
            <source>No hay instrumentos recomendados: ninguna respuesta muestra una brecha que el catálogo atienda.</source>
            <translation>No instruments are recommended: no answer shows a gap the catalogue addresses.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="294" />
            <source>Para preguntar la próxima vez</source>
            <translation>To ask next time</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="178" />
            <source>Pendiente</source>
            <translation>Pending</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="137" />
            <source>Perfil</source>
            <translation>Profile</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="339" />
            <source>Plan de acción</source>
            <translation>Action plan</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="332" />
            <source>Por qué</source>
            <translation>Why</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="340" />
            <source>Programas vigentes del centro</source>
            <translation>The centre's current programmes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="146" />
            <source>Puntaje</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="193" />
            <source>Puntaje por dimensión (gráfico radar)</source>
            <translation>Score per dimension (radar chart)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="148" />
            <source>Puntaje y cobertura por dimensión</source>
            <translation>Score and coverage by dimension</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="155" />
            <source>Puntos</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="109" />
            <source>Respaldadas con documento: </source>
            <translation>Backed by a document: </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="331" />
            <source>Respaldo</source>
            <translation>Backing</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="155" />
            <source>Respuesta</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="333" />
            <source>Respuestas que lo motivan</source>
            <translation>Answers behind it</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="114" />
            <source>Resultado provisional: faltan demasiadas respuestas.</source>
            <translation>Provisional result: too many answers are missing.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="374" />
            <source>Se guardó el informe en {path}.</source>
            <translation>The report was saved to {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="97" />
            <source>Sin banda</source>
            <translation>No band</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="134" />
            <source>Sin bloqueos: ninguna respuesta limita la banda.</source>
            <translation>No band caps: no answer limits the band.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="243" />
            <source>Sin determinar</source>
            <translation>Undetermined</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="116" />
            <source>Sin los bloqueos sería: </source>
            <translation>Without the caps it would be: </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="286" />
            <source>Sin responder</source>
            <translation>Unanswered</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="285" />
            <source>Sin responder (no suma puntos: orienta las recomendaciones)</source>
            <translation>Not answered (earns no points: it shapes the recommendations)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="111" />
            <source>Sin índice ni banda: se respondió menos de la mitad del cuestionario. Abajo está lo que conviene preguntar la próxima vez.</source>
            <translation>No index or band: less than half of the questionnaire was answered. What to ask next time is listed below.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="253" />
            <source>cob.</source>
            <translation>cov.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="258" />
            <source>cobertura </source>
            <translation>coverage </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="129" />
            <source>como máximo</source>
            <translation>at most</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="90" />
            <source>evaluación del</source>
            <translation>assessment of</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/results.py" line="120" />
            <source>Índice de preparación (0–100)</source>
            <translation>Readiness index (0–100)</translation>
        </message>
    </context>
    <context>
        <name>AssessmentWizard</name>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="80" />
            <source>%v de %m preguntas</source>
            <translation>%v of %m questions</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="112" />
            <source>&amp;Anterior</source>
            <translation>&amp;Previous</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="114" />
            <source>&amp;Cerrar y seguir después</source>
            <translation>&amp;Close and continue later</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="113" />
            <source>&amp;Siguiente</source>
            <translation>&amp;Next</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="115" />
            <source>&amp;Terminar evaluación</source>
            <translation>&amp;Finish assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="124" />
            <source>Avance por dimensión</source>
            <translation>Progress by dimension</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="243" />
            <source>Con tan pocas respuestas el resultado será provisional. </source>
            <translation>With so few answers the result will be provisional. </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="240" />
            <source>Con tan pocas respuestas no habrá índice ni banda: la evaluación quedará incompleta, con la lista de lo que falta preguntar. </source>
            <translation>With so few answers there will be no index or band: the assessment will be incomplete, with a list of what is still to ask. </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="146" />
            <source>Dimensiones del cuestionario</source>
            <translation>Questionnaire dimensions</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="192" />
            <source>Guardado</source>
            <translation>Saved</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="147" />
            <source>Preguntas respondidas de cada dimensión; elija una para ir a sus preguntas.</source>
            <translation>Questions answered in each dimension; choose one to go to its questions.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="234" />
            <source>Quedan {n} preguntas sin responder. </source>
            <translation>{n} questions are still unanswered. </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="244" />
            <source>Terminar evaluación</source>
            <translation>Finish assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/wizard.py" line="232" />
            <source>¿Terminar la evaluación? Después ya no podrá cambiar las respuestas.</source>
            <translation>Finish the assessment? The answers cannot be changed afterwards.</translation>
        </message>
    </context>
    <context>
        <name>AssessmentsPage</name>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="102" />
            <source>&amp;Abrir</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="104" />
            <source>&amp;Eliminar borrador</source>
            <translation>&amp;Delete draft</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="101" />
            <source>&amp;Nueva evaluación…</source>
            <translation>&amp;New assessment…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="103" />
            <source>&amp;Seguimiento</source>
            <translation>&amp;Follow-up</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="107" />
            <source>Banda</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="188" />
            <source>Banda limitada (sería {band}): {reason}</source>
            <translation>Band capped (would be {band}): {reason}</translation>
        </message>
        <message>
            <source>Borrador</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="99" />
            <source>Borradores</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="281" />
            <source>Eliminar borrador</source>
            <translation>Delete draft</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="106" />
            <source>Empresa</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="106" />
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="182" />
            <source>Incompleta: sin índice ni banda</source>
            <translation>Incomplete: no index or band</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="106" />
            <source>Iniciada</source>
            <translation>Started</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="115" />
            <source>Lista de evaluaciones</source>
            <translation>List of assessments</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="122" />
            <source>Mostrar:</source>
            <translation>Show:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="108" />
            <source>Observación</source>
            <translation>Remark</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="185" />
            <source>Provisional: faltan respuestas</source>
            <translation>Provisional: answers missing</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="107" />
            <source>Terminada</source>
            <translation>Completed</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="100" />
            <source>Terminadas</source>
            <translation>Completed</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="98" />
            <source>Todas</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="116" />
            <source>Una fila por evaluación. Enter o doble clic abre la elegida: un borrador sigue la entrevista, una terminada muestra su resultado.</source>
            <translation>One row per assessment. Enter or a double click opens the chosen one: a draft resumes the interview, a completed one shows its result.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="137" />
            <source>Volver a la lista</source>
            <translation>Back to the list</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="282" />
            <source>¿Eliminar el borrador de {firm}?</source>
            <translation>Delete the draft for {firm}?</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="107" />
            <source>Índice</source>
            <translation>Index</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="135" />
            <source>← Volver a la lista</source>
            <translation>← Back to the list</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="242" />
            <source>Flechas arriba y abajo para elegir una barra, Enter para abrirla.</source>
            <translation>Up and down arrows choose a bar, Enter opens it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="232" />
            <source>Gráfico de barras</source>
            <translation>Bar chart</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="313" />
            <source>Sin datos</source>
            <translation>No data</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="237" />
            <source>Sin datos.</source>
            <translation>No data.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="238" />
            <source>sin datos</source>
            <translation>no data</translation>
        </message>
    </context>
    <context>
        <name>BundlePreviewDialog</name>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="138" />
            <source>&amp;Aplicar</source>
            <translation>&amp;Apply</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="106" />
            <source>Archivo:</source>
            <translation>File:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="118" />
            <source>Cambios que ya están aquí:</source>
            <translation>Changes already here:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="140" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="117" />
            <source>Conflictos previstos:</source>
            <translation>Expected conflicts:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="108" />
            <source>Creado:</source>
            <translation>Created:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="122" />
            <source>El paquete está completo, sin alteraciones y firmado por un equipo inscrito. Esto es lo que cambiaría en este equipo; nada se ha escrito todavía.</source>
            <translation>The bundle is complete, unaltered and signed by an enrolled computer. This is what would change on this computer; nothing has been written yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="115" />
            <source>Empresas eliminadas:</source>
            <translation>Deleted firms:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="114" />
            <source>Empresas modificadas:</source>
            <translation>Changed firms:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="112" />
            <source>Empresas nuevas:</source>
            <translation>New firms:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="113" />
            <source>Empresas posiblemente duplicadas:</source>
            <translation>Possibly duplicated firms:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="127" />
            <source>Este paquete ya se importó antes: aplicarlo no cambia nada.</source>
            <translation>This bundle was imported before: applying it changes nothing.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="116" />
            <source>Evaluaciones nuevas:</source>
            <translation>New assessments:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="109" />
            <source>Firma:</source>
            <translation>Signature:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="103" />
            <source>Importar paquete</source>
            <translation>Import bundle</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="130" />
            <source>Los conflictos no sobrescriben nada: se guardan las dos versiones y usted decide después en la lista de conflictos.</source>
            <translation>Conflicts overwrite nothing: both versions are kept and you decide later in the list of conflicts.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="107" />
            <source>Origen:</source>
            <translation>From:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="104" />
            <source>centro</source>
            <translation>centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="104" />
            <source>equipo de campo</source>
            <translation>field computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="109" />
            <source>válida, de un equipo inscrito (huella {fingerprint})</source>
            <translation>valid, from an enrolled computer (fingerprint {fingerprint})</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="133" />
            <source>{n} cambios de rol, usuario o estado de asesores no se aplicarán aquí: quién entra a esta base y con qué rol lo decide su administrador.</source>
            <translation>{n} changes to advisers' roles, sign-ins or status will not be applied here: who opens this database, and with which role, is decided by its administrator.</translation>
        </message>
    </context>
    <context>
        <name>ClassifyPanel</name>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="84" />
            <source>&amp;Activos (USD)</source>
            <translation>&amp;Assets (USD)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="82" />
            <source>&amp;Empleados</source>
            <translation>&amp;Employees</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="81" />
            <source>&amp;País</source>
            <translation>&amp;Country</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="83" />
            <source>&amp;Ventas brutas anuales (USD)</source>
            <translation>Gross annual &amp;sales (USD)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="183" />
            <source>Activos</source>
            <translation>Assets</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="78" />
            <source>CIIU Rev.4, p. ej. 1071</source>
            <translation>ISIC Rev.4, e.g. 1071</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="112" />
            <source>Clase según cada criterio</source>
            <translation>Class by each criterion</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="106" />
            <source>Clase según este criterio</source>
            <translation>Class by this criterion</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="120" />
            <source>Clasificación por tamaño</source>
            <translation>Size classification</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="106" />
            <source>Criterio</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="91" />
            <source>Datos de la empresa</source>
            <translation>Firm data</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="85" />
            <source>E&amp;xportaciones (USD)</source>
            <translation>E&amp;xports (USD)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="182" />
            <source>Empleados</source>
            <translation>Employees</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="87" />
            <source>Montos en dólares de EE. UU., en unidades (no en miles): 250000 son doscientos cincuenta mil dólares.</source>
            <translation>Amounts in US dollars, whole dollars (not thousands): 250000 is two hundred and fifty thousand dollars.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="198" />
            <source>Normativa aplicada: {rulebook}</source>
            <translation>Rules applied: {rulebook}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="86" />
            <source>Sec&amp;tor (CIIU)</source>
            <translation>Sec&amp;tor (ISIC)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="113" />
            <source>Una fila por criterio de la normativa: el valor escrito y la clase que daría él solo.</source>
            <translation>One row per criterion of the rulebook: the value typed and the class it alone would give.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="106" />
            <source>Valor</source>
            <translation>Value</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="182" />
            <source>Ventas brutas</source>
            <translation>Gross sales</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="75" />
            <location filename="../../desktop/gui/registry/classify_panel.py" line="77" />
            <source>anuales, en dólares de EE. UU.</source>
            <translation>per year, in US dollars</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="76" />
            <source>en dólares de EE. UU.</source>
            <translation>in US dollars</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/classify_panel.py" line="74" />
            <source>p. ej. 12</source>
            <translation>e.g. 12</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="174" />
            <source>&amp;Guardar</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="180" />
            <source>&amp;Unir en una empresa</source>
            <translation>&amp;Merge into one firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="267" />
            <source>(vacío)</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>Actividad (CIIU)</source>
            <translation>Activity (ISIC)</translation>
        </message>
        <message>
            <source>Activos</source>
            <translation>Assets</translation>
        </message>
        <message>
            <source>Ajuste</source>
            <translation>Setting</translation>
        </message>
        <message>
            <source>Asesor</source>
            <translation>Adviser</translation>
        </message>
        <message>
            <source>Año de fundación</source>
            <translation>Year founded</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="176" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Contacto</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Correo electrónico</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Departamento</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>Dirección</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Duración (minutos)</source>
            <translation>Duration (minutes)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="295" />
            <source>Elija qué valor conservar para «{field}».</source>
            <translation>Choose which value to keep for “{field}”.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="92" />
            <source>Eliminación</source>
            <translation>Deletion</translation>
        </message>
        <message>
            <source>Empleadas mujeres</source>
            <translation>Female employees</translation>
        </message>
        <message>
            <source>Empleados</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>Empleados hombres</source>
            <translation>Male employees</translation>
        </message>
        <message>
            <source>Empleos de hombres</source>
            <translation>Jobs for men</translation>
        </message>
        <message>
            <source>Empleos de mujeres</source>
            <translation>Jobs for women</translation>
        </message>
        <message>
            <source>Empresa</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="196" />
            <source>Estas dos empresas parecen la misma (la misma identificación tributaria, o casi el mismo nombre en el mismo municipio): quizá se registraron en dos equipos. Si son la misma, elija el valor de cada campo y guarde: se unen en una y se conservan las evaluaciones, contactos y notas de ambas. Si no, pulse «Son empresas distintas» y no se volverá a preguntar en ningún equipo.</source>
            <translation>These two firms look like the same one (the same tax id, or nearly the same name in the same municipality): they may have been registered on two devices. If they are the same, choose the value of each field and save: they become one firm and the assessments, contacts and notes of both are kept. If not, press “Different firms” and no device will ask again.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="113" />
            <source>Este conflicto ya fue resuelto.</source>
            <translation>This conflict has already been resolved.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="134" />
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="217" />
            <source>Este equipo</source>
            <translation>This computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="204" />
            <source>Este registro se modificó en dos equipos antes de que intercambiaran paquetes. Elija, campo por campo, el valor que se conserva o escriba otro.</source>
            <translation>This record was changed on two computers before they exchanged bundles. Choose, field by field, the value to keep, or type another.</translation>
        </message>
        <message>
            <source>Evaluación</source>
            <translation>Assessment</translation>
        </message>
        <message>
            <source>Exportaciones anuales</source>
            <translation>Annual exports</translation>
        </message>
        <message>
            <source>Forma jurídica</source>
            <translation>Legal form</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="170" />
            <source>Hay {n} versiones más de este registro; la que guarde reemplaza a todas.</source>
            <translation>There are {n} more versions of this record; the one you save replaces them all.</translation>
        </message>
        <message>
            <source>Identificación tributaria</source>
            <translation>Tax ID</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="243" />
            <source>Mantener eliminado</source>
            <translation>Keep deleted</translation>
        </message>
        <message>
            <source>Moneda</source>
            <translation>Currency</translation>
        </message>
        <message>
            <source>Monto</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Municipio</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="269" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Nombre comercial</source>
            <translation>Trade name</translation>
        </message>
        <message>
            <source>Nota</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="134" />
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="217" />
            <source>Otro equipo</source>
            <translation>Other computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="140" />
            <source>Otro valor</source>
            <translation>Other value</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="224" />
            <source>Otro valor para «{field}»</source>
            <translation>Another value for “{field}”</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="222" />
            <source>Otro valor:</source>
            <translation>Other value:</translation>
        </message>
        <message>
            <source>País</source>
            <translation>Country</translation>
        </message>
        <message>
            <source>Persona de contacto</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>Propietario</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Razón social</source>
            <translation>Legal name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="133" />
            <source>Registro 1</source>
            <translation>Record 1</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="133" />
            <source>Registro 2</source>
            <translation>Record 2</translation>
        </message>
        <message>
            <source>Registro formal</source>
            <translation>Formal registration</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="188" />
            <source>Registro que se conserva</source>
            <translation>Record that is kept</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="116" />
            <source>Resolver conflicto</source>
            <translation>Resolve conflict</translation>
        </message>
        <message>
            <source>Respuesta</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="244" />
            <source>Restaurar con la modificación</source>
            <translation>Restore with the change</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="165" />
            <source>Se conserva el registro 1; el 2 se une a él</source>
            <translation>Record 1 is kept; record 2 is merged into it</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="166" />
            <source>Se conserva el registro 2; el 1 se une a él</source>
            <translation>Record 2 is kept; record 1 is merged into it</translation>
        </message>
        <message>
            <source>Sexo del contacto</source>
            <translation>Contact’s sex</translation>
        </message>
        <message>
            <source>Sexo del propietario</source>
            <translation>Owner’s sex</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="181" />
            <source>Son empresas &amp;distintas</source>
            <translation>&amp;Different firms</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="269" />
            <source>Sí</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Tipo de cambio</source>
            <translation>Exchange rate</translation>
        </message>
        <message>
            <source>Tipo de identificación</source>
            <translation>ID type</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="202" />
            <source>Un equipo eliminó este registro mientras otro lo modificaba. Decida si sigue eliminado o si se restaura con la modificación.</source>
            <translation>One computer deleted this record while another changed it. Decide whether it stays deleted or is restored with the change.</translation>
        </message>
        <message>
            <source>Ventas anuales</source>
            <translation>Annual sales</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="136" />
            <source>equipo desconocido</source>
            <translation>unknown computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/conflict_dialog.py" line="77" />
            <source>{first} / {second} (posible duplicado)</source>
            <translation>{first} / {second} (possible duplicate)</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="155" />
            <source> meses</source>
            <translation> months</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="156" />
            <source>&amp;Actualizar</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="168" />
            <source>&amp;Datos:</source>
            <translation>&amp;Data:</translation>
        </message>
        <message>
            <source>Acciones del plan vencidas, por responsable</source>
            <translation>Overdue plan actions, by who does them</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="223" />
            <source>Acciones vencidas (con un asesor elegido: las suyas)</source>
            <translation>Overdue actions (with an adviser chosen: theirs)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="224" />
            <source>Acción</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="182" />
            <source>Asesor:</source>
            <translation>Adviser:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="190" />
            <source>Asesoría e impacto del periodo (como en el informe al financiador)</source>
            <translation>Advice and impact in the period (as in the funder report)</translation>
        </message>
        <message>
            <source>Banda de preparación (última evaluación)</source>
            <translation>Readiness band (latest assessment)</translation>
        </message>
        <message>
            <source>Brechas más comunes (dimensión con menos de 40/100)</source>
            <translation>Most common gaps (dimension below 40/100)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="302" />
            <source>Calculando el tablero…</source>
            <translation>Calculating the dashboard…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="150" />
            <source>Centro</source>
            <translation>Centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="170" />
            <source>Centro:</source>
            <translation>Centre:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="337" />
            <source>Clientes nuevos / que vuelven:</source>
            <translation>New / returning clients:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="147" />
            <source>Datos del tablero</source>
            <translation>Dashboard data</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="139" />
            <source>Desde</source>
            <translation>From</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="337" />
            <source>Dirigidas por mujeres:</source>
            <translation>Led by women:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="328" />
            <source>El centro</source>
            <translation>The centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="339" />
            <source>Empleos nuevos verificados (mujeres / hombres):</source>
            <translation>Verified new jobs (women / men):</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="224" />
            <source>Empresa</source>
            <translation>Firm</translation>
        </message>
        <message>
            <source>Empresas asesoradas por asesor(a) en el periodo</source>
            <translation>Firms advised by each adviser in the period</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="336" />
            <source>Empresas asesoradas:</source>
            <translation>Firms advised:</translation>
        </message>
        <message>
            <source>Empresas por centro (servidor)</source>
            <translation>Firms by centre (server)</translation>
        </message>
        <message>
            <source>Empresas por departamento</source>
            <translation>Firms by department</translation>
        </message>
        <message>
            <source>Empresas por país</source>
            <translation>Firms by country</translation>
        </message>
        <message>
            <source>Empresas por tamaño</source>
            <translation>Firms by size</translation>
        </message>
        <message>
            <source>Empresas por tipo de sector</source>
            <translation>Firms by sector type</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="392" />
            <source>Esa empresa está en el servidor del centro, no en este equipo.</source>
            <translation>That firm is on the centre's server, not on this computer.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="398" />
            <source>Este equipo</source>
            <translation>This computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="148" />
            <source>Este equipo, o la cartera del servidor del centro contada por el servidor</source>
            <translation>This computer, or the centre server's portfolio counted by the server</translation>
        </message>
        <message>
            <source>Etapa de internacionalización</source>
            <translation>Internationalization stage</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="160" />
            <source>Evaluaciones desde la fecha</source>
            <translation>Assessments from the date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="161" />
            <source>Evaluaciones hasta la fecha</source>
            <translation>Assessments up to the date</translation>
        </message>
        <message>
            <source>Evaluaciones por asesor</source>
            <translation>Assessments by adviser</translation>
        </message>
        <message>
            <source>Evaluaciones por mes</source>
            <translation>Assessments per month</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="341" />
            <source>Exportaciones verificadas (USD):</source>
            <translation>Verified exports (USD):</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="342" />
            <source>Financiamiento verificado (USD):</source>
            <translation>Verified finance (USD):</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="141" />
            <source>Hasta</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Hitos de impacto del periodo</source>
            <translation>Impact milestones in the period</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="343" />
            <source>Hitos que esperan verificación:</source>
            <translation>Milestones awaiting verification:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="336" />
            <source>Horas de asesoría:</source>
            <translation>Advisory hours:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="328" />
            <source>La empresa</source>
            <translation>The firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="338" />
            <source>Preparación / traslado (horas):</source>
            <translation>Preparation / travel (hours):</translation>
        </message>
        <message>
            <source>Reevaluación pendiente</source>
            <translation>Reassessment due</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="225" />
            <source>Responsable</source>
            <translation>Who</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="400" />
            <source>Servidor del centro</source>
            <translation>Centre server</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="185" />
            <source>Sin reevaluar en:</source>
            <translation>Not reassessed in:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="409" />
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="435" />
            <source>Todos</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="224" />
            <source>Vence</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="340" />
            <source>Ventas adicionales verificadas (USD):</source>
            <translation>Verified additional sales (USD):</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="312" />
            <source>{n} empresas</source>
            <translation>{n} firms</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="239" />
            <source>&amp;Documento</source>
            <translation>&amp;Document</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="240" />
            <source>&amp;Referencia</source>
            <translation>&amp;Reference</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="241" />
            <source>Documento &amp;visto</source>
            <translation>Document &amp;seen</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="235" />
            <source>Documento del hito</source>
            <translation>Milestone document</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="238" />
            <source>Hito:</source>
            <translation>Milestone:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="242" />
            <source>Queda a su nombre, con la fecha de hoy. Después lo verifica un coordinador que no registró el hito.</source>
            <translation>It is recorded in your name, with today’s date. A coordinator who did not record the milestone then verifies it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="241" />
            <source>Vi el documento</source>
            <translation>I saw the document</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="240" />
            <source>número, fecha, quién lo emite</source>
            <translation>number, date, who issued it</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="59" />
            <source>&amp;Revisar…</source>
            <translation>&amp;Review…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="94" />
            <source>Cada fila, dos empresas que parecen la misma. Enter abre el par elegido para unirlas o separarlas.</source>
            <translation>Each row, two firms that look like the same one. Enter opens the chosen pair to merge them or keep them apart.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="61" />
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="78" />
            <source>Deshacer &amp;fusión</source>
            <translation>Undo &amp;merge</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="55" />
            <source>Empresa</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="74" />
            <source>Empresa unida</source>
            <translation>Merged firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="51" />
            <source>Empresas registradas que parecen la misma: la misma identificación tributaria, o casi el mismo nombre en el mismo municipio. Revise cada par: únalas o indique que son distintas (no se volverá a preguntar).</source>
            <translation>Registered firms that look like the same one: the same tax id, or nearly the same name in the same municipality. Review each pair: merge them or say they are different (you will not be asked again).</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="75" />
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="86" />
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="96" />
            <source>Fusiones hechas</source>
            <translation>Merges made</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="97" />
            <source>Las empresas ya unidas; «Deshacer fusión» separa la elegida.</source>
            <translation>The firms already merged; “Undo merge” separates the chosen one.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="107" />
            <source>Misma identificación tributaria</source>
            <translation>Same tax id</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="56" />
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="56" />
            <source>Municipio</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="111" />
            <source>No hay posibles duplicados.</source>
            <translation>No possible duplicates.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="108" />
            <source>Nombre casi igual ({score:.0f} %)</source>
            <translation>Nearly the same name ({score:.0f} %)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="55" />
            <source>Parece la misma que</source>
            <translation>Looks like</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="93" />
            <source>Pares por revisar</source>
            <translation>Pairs to review</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="92" />
            <source>Pares por revisar y fusiones hechas</source>
            <translation>Pairs to review and merges made</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="85" />
            <source>Por revisar</source>
            <translation>To review</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="47" />
            <source>Posibles duplicados</source>
            <translation>Possible duplicates</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="74" />
            <source>Se unió a</source>
            <translation>Merged into</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/duplicates_dialog.py" line="110" />
            <source>{n} pares por revisar.</source>
            <translation>{n} pairs to review.</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="179" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="176" />
            <source>Coinciden: &amp;inscribir</source>
            <translation>They match: &amp;enrol</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="170" />
            <source>Compare esta huella con la que muestra «{name}» en su pantalla (Sincronización → Equipos de confianza). Inscríbalo solo si coinciden todas las cifras: desde entonces se aceptarán sus paquetes y se le podrán escribir.</source>
            <translation>Compare this fingerprint with the one “{name}” shows on its own screen (Sync → Trusted computers). Enrol it only if every character matches: from then on its bundles are accepted here and bundles can be written for it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="159" />
            <source>Equipo:</source>
            <translation>Computer:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="168" />
            <source>Huella:</source>
            <translation>Fingerprint:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="160" />
            <source>Identificador:</source>
            <translation>Identifier:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="155" />
            <source>Inscribir un equipo</source>
            <translation>Enrol a computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="156" />
            <source>centro</source>
            <translation>centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="156" />
            <source>equipo de campo</source>
            <translation>field computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="157" />
            <source>función desconocida</source>
            <translation>role unknown</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../desktop/gui/registry/export_dialog.py" line="70" />
            <source>Exportación cancelada: no se escribió ningún archivo.</source>
            <translation>Export cancelled: no file was written.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/export_dialog.py" line="76" />
            <source>Exportando…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/export_dialog.py" line="31" />
            <location filename="../../desktop/gui/registry/export_dialog.py" line="63" />
            <location filename="../../desktop/gui/registry/export_dialog.py" line="70" />
            <source>Exportar</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/export_dialog.py" line="64" />
            <source>Se exportaron {n} filas a {path}.</source>
            <translation>{n} rows were exported to {path}.</translation>
        </message>
    </context>
    <context>
        <name>FirmDetail</name>
        <message>
            <source>Actividad (CIIU)</source>
            <translation>Activity (ISIC)</translation>
        </message>
        <message>
            <source>Activos</source>
            <translation>Assets</translation>
        </message>
        <message>
            <source>Activos (USD)</source>
            <translation>Assets (USD)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="31" />
            <source>Alta</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Asesor</source>
            <translation>Adviser</translation>
        </message>
        <message>
            <source>Año de fundación</source>
            <translation>Year founded</translation>
        </message>
        <message>
            <source>Banda</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="32" />
            <source>Borrado definitivo</source>
            <translation>Permanent deletion</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="31" />
            <source>Cambio</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Correo electrónico</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Departamento</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>Dirección</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Duración (minutos)</source>
            <translation>Duration (minutes)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="31" />
            <source>Eliminación</source>
            <translation>Deletion</translation>
        </message>
        <message>
            <source>Empleadas mujeres</source>
            <translation>Female employees</translation>
        </message>
        <message>
            <source>Empleados</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>Empleados hombres</source>
            <translation>Male employees</translation>
        </message>
        <message>
            <source>Empleos de hombres</source>
            <translation>Jobs for men</translation>
        </message>
        <message>
            <source>Empleos de mujeres</source>
            <translation>Jobs for women</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="38" />
            <source>Empresa borrada del archivo</source>
            <translation>Firm purged from the records</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="37" />
            <source>Empresa eliminada</source>
            <translation>Firm deleted</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="38" />
            <source>Empresa recuperada</source>
            <translation>Firm restored</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="37" />
            <source>Empresa registrada</source>
            <translation>Firm registered</translation>
        </message>
        <message>
            <source>Etapa</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Exportaciones (USD)</source>
            <translation>Exports (USD)</translation>
        </message>
        <message>
            <source>Exportaciones anuales</source>
            <translation>Annual exports</translation>
        </message>
        <message>
            <source>Forma jurídica</source>
            <translation>Legal form</translation>
        </message>
        <message>
            <source>Identificación tributaria</source>
            <translation>Tax ID</translation>
        </message>
        <message>
            <source>Moneda</source>
            <translation>Currency</translation>
        </message>
        <message>
            <source>Monto</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Municipio</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="63" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Nombre comercial</source>
            <translation>Trade name</translation>
        </message>
        <message>
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>País</source>
            <translation>Country</translation>
        </message>
        <message>
            <source>Persona de contacto</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>Propietario</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Razón social</source>
            <translation>Legal name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="32" />
            <source>Recuperación</source>
            <translation>Restoration</translation>
        </message>
        <message>
            <source>Registro formal</source>
            <translation>Formal registration</translation>
        </message>
        <message>
            <source>Sexo del contacto</source>
            <translation>Contact’s sex</translation>
        </message>
        <message>
            <source>Sexo del propietario</source>
            <translation>Owner’s sex</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail_text.py" line="63" />
            <source>Sí</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Tamaño</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Tipo de cambio</source>
            <translation>Exchange rate</translation>
        </message>
        <message>
            <source>Tipo de identificación</source>
            <translation>ID type</translation>
        </message>
        <message>
            <source>Ventas anuales</source>
            <translation>Annual sales</translation>
        </message>
        <message>
            <source>Ventas anuales (USD)</source>
            <translation>Annual sales (USD)</translation>
        </message>
    </context>
    <context>
        <name>FirmDetailDialog</name>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="281" />
            <source>&amp;Deshacer</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="340" />
            <source>&amp;Editar</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="341" />
            <source>&amp;Nueva evaluación</source>
            <translation>&amp;New assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="336" />
            <source>Antes</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="325" />
            <source>Asesor</source>
            <translation>Adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="333" />
            <source>Asesoría</source>
            <translation>Advice</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="324" />
            <source>Banda</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="227" />
            <source>Borrador</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="335" />
            <source>Campo</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="343" />
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="320" />
            <source>Clasificación</source>
            <translation>Classification</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="227" />
            <source>Completada</source>
            <translation>Completed</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="336" />
            <source>Después</source>
            <translation>After</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="342" />
            <source>E&amp;liminar</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="102" />
            <source>Eliminar empresa</source>
            <translation>Delete firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="283" />
            <source>Empresa eliminada.</source>
            <translation>Firm deleted.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="327" />
            <source>Esta empresa aún no tiene evaluaciones.</source>
            <translation>This firm has no assessments yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="324" />
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="324" />
            <source>Etapa</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="330" />
            <source>Evaluaciones</source>
            <translation>Assessments</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="238" />
            <source>Evaluaciones ({n})</source>
            <translation>Assessments ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="80" />
            <source>Evaluaciones de la empresa</source>
            <translation>The firm's assessments</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="324" />
            <location filename="../../desktop/gui/registry/firm_detail.py" line="335" />
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="293" />
            <source>Ficha</source>
            <translation>Profile</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="79" />
            <source>Ficha, clasificación, evaluaciones e historial</source>
            <translation>Profile, classification, assessments and history</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="338" />
            <source>Historial de cambios</source>
            <translation>Change history</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="204" />
            <source>Las listas, los filtros y el Tablero usan la clase según la ley vigente.</source>
            <translation>Lists, filters and the Dashboard use the class under the law in force.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="206" />
            <source>Las listas, los filtros y el Tablero usan la clase según la tabla del estudio.</source>
            <translation>Lists, filters and the Dashboard use the class under the study's table.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="199" />
            <source>Ley aplicada: {title}, versión {version}. Fuente: {source}</source>
            <translation>Law applied: {title}, version {version}. Source: {source}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="76" />
            <source>No se encontró la empresa.</source>
            <translation>The firm was not found.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="178" />
            <source>Normativa aplicada: {rulebook}</source>
            <translation>Rules applied: {rulebook}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="335" />
            <source>Quién</source>
            <translation>Who</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="335" />
            <source>Qué</source>
            <translation>What</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="311" />
            <source>Según la ley vigente</source>
            <translation>Under the law in force</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="312" />
            <source>Según la tabla del estudio (CEPAL, Cuadro 1), que usan la evaluación y las comparaciones</source>
            <translation>Under the study's table (ECLAC, Table 1), which the assessment and the comparisons use</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="188" />
            <source>Sin definición legal</source>
            <translation>No legal definition</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="103" />
            <source>¿Eliminar «{name}»? Podrá deshacerlo enseguida.</source>
            <translation>Delete “{name}”? You can undo it straight away.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_detail.py" line="325" />
            <source>Índice</source>
            <translation>Index</translation>
        </message>
    </context>
    <context>
        <name>FirmForm</name>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="47" />
            <source>Asociación o fundación</source>
            <translation>Association or foundation</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="47" />
            <source>Cooperativa</source>
            <translation>Cooperative</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="48" />
            <source>Empresa individual (EIRL)</source>
            <translation>Sole proprietorship (EIRL)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="55" />
            <source>Hombre</source>
            <translation>Man</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="55" />
            <source>Mujer</source>
            <translation>Woman</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="60" />
            <source>No registrada</source>
            <translation>Not registered</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="48" />
            <source>Otra</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="55" />
            <source>Otro / no indica</source>
            <translation>Other / not stated</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="45" />
            <source>Persona natural</source>
            <translation>Individual</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="45" />
            <source>Sociedad anónima</source>
            <translation>Corporation (S.A.)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="46" />
            <source>Sociedad de responsabilidad limitada</source>
            <translation>Limited liability company</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/fields.py" line="60" />
            <source>Sí, registrada</source>
            <translation>Yes, registered</translation>
        </message>
    </context>
    <context>
        <name>FirmFormDialog</name>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="87" />
            <source>&amp;Año de fundación</source>
            <translation>&amp;Year founded</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="93" />
            <source>&amp;Departamento</source>
            <translation>&amp;Department</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="105" />
            <source>&amp;Empleados (total)</source>
            <translation>&amp;Employees (total)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="84" />
            <source>&amp;Forma jurídica</source>
            <translation>Legal &amp;form</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="178" />
            <source>&amp;Guardar</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="82" />
            <source>&amp;Identificación tributaria</source>
            <translation>Ta&amp;x ID</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="94" />
            <source>&amp;Municipio</source>
            <translation>&amp;Municipality</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="153" />
            <source>&amp;Notas</source>
            <translation>&amp;Notes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="80" />
            <source>&amp;País</source>
            <translation>&amp;Country</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="77" />
            <source>&amp;Razón social</source>
            <translation>&amp;Legal name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="111" />
            <source>&amp;Ventas anuales</source>
            <translation>Ann&amp;ual sales</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="185" />
            <source>* obligatorio</source>
            <translation>* required</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="68" />
            <source>Abrir la empresa existente</source>
            <translation>Open the existing firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="111" />
            <source>Ac&amp;tivos</source>
            <translation>&amp;Assets</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="97" />
            <source>Actividad</source>
            <translation>Activity</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="99" />
            <source>Actividad (&amp;CIIU)</source>
            <translation>Acti&amp;vity (ISIC)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="99" />
            <source>CIIU Rev.4, p. ej. 1071 o C</source>
            <translation>ISIC Rev.4, e.g. 1071 or C</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="182" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="133" />
            <source>Clasificación por tamaño (en vivo)</source>
            <translation>Size classification (live)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="266" />
            <source>Conflicto de sincronización</source>
            <translation>Sync conflict</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="145" />
            <source>Correo &amp;electrónico</source>
            <translation>Ema&amp;il</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="180" />
            <source>Ctrl+Enter o Ctrl+S (Enter en un campo pasa al siguiente)</source>
            <translation>Ctrl+Enter or Ctrl+S (Enter in a field moves to the next one)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="280" />
            <source>Descartar cambios</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="95" />
            <source>Dirección</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="112" />
            <source>E&amp;xportaciones anuales</source>
            <translation>Annual ex&amp;ports</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="82" />
            <source>Editar empresa</source>
            <translation>Edit firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="180" />
            <source>Elija el país para clasificar la empresa.</source>
            <translation>Choose the country to classify the firm.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="103" />
            <source>Empleadas mujeres</source>
            <translation>Female employees</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="104" />
            <source>Empleados hombres</source>
            <translation>Male employees</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="75" />
            <source>Identificación</source>
            <translation>Identification</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="68" />
            <source>La empresa no existe o fue eliminada.</source>
            <translation>The firm does not exist or was deleted.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="152" />
            <source>Lo que conviene recordar de la empresa</source>
            <translation>What is worth remembering about the firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="108" />
            <source>M&amp;oneda</source>
            <translation>Cu&amp;rrency</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="82" />
            <source>NIT, RNC, cédula jurídica…</source>
            <translation>NIT, RNC, cédula jurídica…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="79" />
            <source>Nombre &amp;comercial</source>
            <translation>&amp;Trade name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="147" />
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="82" />
            <source>Nueva empresa</source>
            <translation>New firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="267" />
            <source>Otro equipo modificó esta empresa al mismo tiempo y el conflicto sigue sin resolver. Si guarda ahora, esta versión queda como la válida y la del otro equipo solo en el historial. ¿Guardar de todos modos? (Para elegir campo por campo, use Sincronización.)</source>
            <translation>Another device changed this firm at the same time and the conflict is still unresolved. If you save now, this version becomes the valid one and the other device's stays only in the history. Save anyway? (To choose field by field, use Sync.)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="142" />
            <source>Persona de contacto</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="138" />
            <source>Personas y contacto</source>
            <translation>People and contact</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="140" />
            <source>Propietario/a</source>
            <translation>Owner</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="85" />
            <source>Registro formal</source>
            <translation>Formal registration</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="230" />
            <source>Revise los campos marcados en rojo.</source>
            <translation>Check the fields marked in red.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="143" />
            <source>Sexo del contacto</source>
            <translation>Contact’s sex</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="141" />
            <source>Sexo del propietario/a</source>
            <translation>Owner’s sex</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="101" />
            <source>Tamaño y cifras</source>
            <translation>Size and figures</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="144" />
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="109" />
            <source>Tipo de cambio</source>
            <translation>Exchange rate</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="89" />
            <source>Ubicación</source>
            <translation>Location</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="207" />
            <source>Ya existe una empresa con esta identificación tributaria: «{name}».</source>
            <translation>A firm with this tax ID already exists: “{name}”.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="209" />
            <source>Ya existe una empresa con un nombre casi igual en este municipio: «{name}».</source>
            <translation>A firm with an almost identical name already exists in this municipality: “{name}”.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="116" />
            <source>en la moneda de la empresa</source>
            <translation>in the firm’s currency</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="145" />
            <source>nombre@dominio.com</source>
            <translation>name@domain.com</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="87" />
            <source>p. ej. 2015</source>
            <translation>e.g. 2015</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="144" />
            <source>p. ej. 2661 0000 o +503 7000 0000</source>
            <translation>e.g. 2661 0000 or +503 7000 0000</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="77" />
            <source>p. ej. Café Las Nubes, S.A. de C.V.</source>
            <translation>e.g. Café Las Nubes, S.A. de C.V.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="105" />
            <source>suma de mujeres y hombres</source>
            <translation>women plus men</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form_layout.py" line="109" />
            <source>unidades por 1 US$</source>
            <translation>units per US$1</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="156" />
            <source>{kind} válido ({compact})</source>
            <translation>Valid {kind} ({compact})</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="281" />
            <source>¿Cerrar el formulario sin guardar lo que escribió?</source>
            <translation>Close the form without saving what you typed?</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_form.py" line="170" />
            <source>≈ US$ {amount}</source>
            <translation>≈ US$ {amount}</translation>
        </message>
    </context>
    <context>
        <name>FirmListDialog</name>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="78" />
            <source> (se muestran las primeras {n})</source>
            <translation> (showing the first {n})</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="76" />
            <source>1 empresa</source>
            <translation>1 firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="82" />
            <source>CIIU</source>
            <translation>ISIC</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="81" />
            <source>Departamento</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="81" />
            <source>Empresa</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="95" />
            <source>Empresas de «{title}»</source>
            <translation>Firms in “{title}”</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="96" />
            <source>Enter o doble clic abre la empresa elegida.</source>
            <translation>Enter or a double click opens the chosen firm.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="81" />
            <source>País</source>
            <translation>Country</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="82" />
            <source>Tamaño</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/dashboard_page.py" line="76" />
            <source>{n} empresas</source>
            <translation>{n} firms</translation>
        </message>
    </context>
    <context>
        <name>FirmPicker</name>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="55" />
            <source>Buscar empresa</source>
            <translation>Search for a firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="57" />
            <source>Elija la empresa con las flechas y pulse Enter.</source>
            <translation>Choose the firm with the arrow keys and press Enter.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="54" />
            <source>Empezar evaluación</source>
            <translation>Start assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="56" />
            <source>Empresas encontradas</source>
            <translation>Firms found</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="51" />
            <source>Nombre, NIT o municipio</source>
            <translation>Name, tax ID or municipality</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/assessments_page.py" line="49" />
            <source>Nueva evaluación: elija la empresa</source>
            <translation>New assessment: choose the firm</translation>
        </message>
    </context>
    <context>
        <name>FirmTableModel</name>
        <message>
            <source>Actualizada</source>
            <translation>Updated</translation>
        </message>
        <message>
            <source>Empleados</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>Municipio</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>NIT / Id. fiscal</source>
            <translation>Tax ID</translation>
        </message>
        <message>
            <source>Nombre comercial</source>
            <translation>Trade name</translation>
        </message>
        <message>
            <source>País</source>
            <translation>Country</translation>
        </message>
        <message>
            <source>Razón social</source>
            <translation>Legal name</translation>
        </message>
        <message>
            <source>Sector (CIIU)</source>
            <translation>Sector (ISIC)</translation>
        </message>
        <message>
            <source>Tamaño</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_table_model.py" line="145" />
            <source>Tamaño (estudio)</source>
            <translation>Size (study)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firm_table_model.py" line="145" />
            <source>Tamaño (ley)</source>
            <translation>Size (law)</translation>
        </message>
        <message>
            <source>Ventas (USD)</source>
            <translation>Sales (USD)</translation>
        </message>
    </context>
    <context>
        <name>FirmsPage</name>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="178" />
            <source> empresa</source>
            <translation> firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="178" />
            <source> empresas</source>
            <translation> firms</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="77" />
            <source>&amp;Abrir</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="78" />
            <source>&amp;Importar…</source>
            <translation>&amp;Import…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="76" />
            <source>&amp;Nueva empresa</source>
            <translation>&amp;New firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="66" />
            <source>Buscar empresas</source>
            <translation>Search firms</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="53" />
            <source>Buscar por nombre, NIT, municipio o persona (Ctrl+F)</source>
            <translation>Search by name, tax ID, municipality or person (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="63" />
            <source>CIIU</source>
            <translation>ISIC</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="79" />
            <source>E&amp;xportar…</source>
            <translation>E&amp;xport…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="69" />
            <source>Filtrar por actividad (CIIU)</source>
            <translation>Filter by activity (ISIC)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="72" />
            <source>Filtrar por asesor</source>
            <translation>Filter by adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="71" />
            <source>Filtrar por banda</source>
            <translation>Filter by band</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="70" />
            <source>Filtrar por etapa</source>
            <translation>Filter by stage</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="67" />
            <source>Filtrar por país</source>
            <translation>Filter by country</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="68" />
            <source>Filtrar por tamaño</source>
            <translation>Filter by size</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="97" />
            <source>Lista de empresas</source>
            <translation>List of firms</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="80" />
            <source>Posibles &amp;duplicados…</source>
            <translation>Possible &amp;duplicates…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="60" />
            <source>Todas las bandas</source>
            <translation>All bands</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="58" />
            <source>Todas las etapas</source>
            <translation>All stages</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="62" />
            <source>Todos los asesores</source>
            <translation>All advisers</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="54" />
            <source>Todos los países</source>
            <translation>All countries</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="56" />
            <source>Todos los tamaños</source>
            <translation>All sizes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/firms_page.py" line="98" />
            <source>Una fila por empresa. Enter abre la elegida; un clic en un título de columna ordena la lista.</source>
            <translation>One row per firm. Enter opens the chosen one; a click on a column title sorts the list.</translation>
        </message>
    </context>
    <context>
        <name>FollowUpView</name>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="78" />
            <source>Ahora</source>
            <translation>Now</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="78" />
            <source>Antes</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="62" />
            <source>Banda</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="79" />
            <source>Cambio</source>
            <translation>Change</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="109" />
            <source>Cambio por dimensión (primera y última evaluación)</source>
            <translation>Change by dimension (first and latest assessment)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="116" />
            <source>Cifras clave en el tiempo</source>
            <translation>Key figures over time</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="63" />
            <source>Cobertura</source>
            <translation>Coverage</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="78" />
            <source>Dimensión</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="84" />
            <location filename="../../desktop/gui/assessment/followup.py" line="89" />
            <location filename="../../desktop/gui/assessment/followup.py" line="90" />
            <source>Empleados</source>
            <translation>Employees</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="63" />
            <source>Etapa</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="100" />
            <source>Evaluaciones terminadas</source>
            <translation>Completed assessments</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="94" />
            <source>Exportaciones</source>
            <translation>Exports</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="85" />
            <source>Exportaciones (USD)</source>
            <translation>Exports (USD)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="62" />
            <location filename="../../desktop/gui/assessment/followup.py" line="84" />
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="135" />
            <source>Hace falta una segunda evaluación terminada para ver el cambio.</source>
            <translation>A second completed assessment is needed to show the change.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="139" />
            <location filename="../../desktop/gui/assessment/followup.py" line="144" />
            <source>Primera</source>
            <translation>First</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="77" />
            <source>Puntaje por dimensión en la primera y la última evaluación</source>
            <translation>Score per dimension in the first and the latest assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="93" />
            <source>Ventas</source>
            <translation>Sales</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="85" />
            <source>Ventas (USD)</source>
            <translation>Sales (USD)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="91" />
            <source>Ventas y exportaciones (USD)</source>
            <translation>Sales and exports (USD)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="150" />
            <source>banda: </source>
            <translation>band: </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="153" />
            <source>etapa: </source>
            <translation>stage: </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="58" />
            <source>seguimiento</source>
            <translation>follow-up</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="62" />
            <location filename="../../desktop/gui/assessment/followup.py" line="73" />
            <source>Índice</source>
            <translation>Index</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="70" />
            <source>Índice de preparación</source>
            <translation>Readiness index</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="101" />
            <source>Índice en el tiempo</source>
            <translation>Index over time</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="148" />
            <source>Índice: </source>
            <translation>Index: </translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/followup.py" line="145" />
            <source>Última</source>
            <translation>Latest</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="212" />
            <source>&amp;Elegir archivo…</source>
            <translation>&amp;Choose file…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="241" />
            <source>&amp;Guardar rechazadas…</source>
            <translation>&amp;Save rejected rows…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="205" />
            <location filename="../../desktop/gui/registry/import_dialog.py" line="240" />
            <source>&amp;Importar</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="203" />
            <source>&amp;Importar {n} empresas</source>
            <translation>&amp;Import {n} firms</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="239" />
            <source>&amp;Revisar (sin guardar)</source>
            <translation>Chec&amp;k (without saving)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="101" />
            <source>Al archivo le falta la columna obligatoria: {names}.</source>
            <translation>The file lacks the required column: {names}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="64" />
            <source>Archivo de empresas</source>
            <translation>Firm file</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="267" />
            <source>Archivo elegido</source>
            <translation>Chosen file</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="137" />
            <source>Buscando empresas duplicadas…</source>
            <translation>Looking for duplicate firms…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="217" />
            <source>Campo de Rumbo</source>
            <translation>Rumbo field</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="206" />
            <location filename="../../desktop/gui/registry/import_dialog.py" line="242" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="206" />
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="138" />
            <source>Clasificando las empresas por tamaño…</source>
            <translation>Classifying the firms by size…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="217" />
            <source>Columna del archivo</source>
            <translation>File column</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="223" />
            <source>Correspondencia de columnas</source>
            <translation>Column mapping</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="72" />
            <source>Escriba la ruta de un archivo o pulse «Elegir archivo…».</source>
            <translation>Type the path of a file or press “Choose file…”.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="211" />
            <source>Escriba o pegue la ruta de un archivo .csv o .xlsx y pulse Enter, o elíjalo</source>
            <translation>Type or paste the path of a .csv or .xlsx file and press Enter, or choose it</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="220" />
            <location filename="../../desktop/gui/settings/programmes_box.py" line="241" />
            <source>Fila</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="224" />
            <source>Filas rechazadas</source>
            <translation>Rejected rows</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="173" />
            <source>Filas rechazadas guardadas en {path}.</source>
            <translation>Rejected rows saved to {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="139" />
            <source>Guardando en la base de datos…</source>
            <translation>Saving to the database…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="121" />
            <source>Guardar filas rechazadas</source>
            <translation>Save rejected rows</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="180" />
            <source>Importación cancelada: no se guardó ninguna empresa.</source>
            <translation>Import cancelled: no firm was saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="167" />
            <source>Importadas {ok} de {read} filas; {bad} rechazadas (duplicadas: {dup}).</source>
            <translation>Imported {ok} of {read} rows; {bad} rejected (duplicates: {dup}).</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="156" />
            <source>Importando empresas…</source>
            <translation>Importing firms…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="56" />
            <source>Importar empresas</source>
            <translation>Import firms</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="234" />
            <source>Importar programas</source>
            <translation>Import programmes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="248" />
            <source>Importar {n} programas</source>
            <translation>Import {n} programmes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="220" />
            <source>Motivo del rechazo</source>
            <translation>Reason for rejection</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="224" />
            <source>Primeras filas</source>
            <translation>First rows</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="241" />
            <source>Problema</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="156" />
            <source>Revisando el archivo…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="136" />
            <source>Revisando las filas…</source>
            <translation>Checking the rows…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="164" />
            <source>Simulación: se importarían {ok} de {read} filas; {bad} se rechazarían (duplicadas: {dup}). No se guardó nada.</source>
            <translation>Dry run: {ok} of {read} rows would be imported; {bad} would be rejected (duplicates: {dup}). Nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="104" />
            <source>{n} filas. Revise la correspondencia de columnas y pulse «Revisar».</source>
            <translation>{n} rows. Check the column mapping and press “Check”.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="236" />
            <source>«{file}»: {rows} filas. Programas nuevos: {new}; actualizados: {updated}; filas con problemas: {bad}.</source>
            <translation>“{file}”: {rows} rows. New programmes: {new}; updated: {updated}; rows with problems: {bad}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/import_dialog.py" line="92" />
            <source>— (se ignora)</source>
            <translation>— (ignored)</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="233" />
            <source>Clase ahora</source>
            <translation>Class now</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="233" />
            <source>Clase nueva</source>
            <translation>New class</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="225" />
            <source>De {n} empresas de {country}, {changed} cambian de clase.</source>
            <translation>Of {n} firms of {country}, {changed} change class.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="233" />
            <source>Empresa</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="246" />
            <source>Importar</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="216" />
            <source>Importar definición de tamaño</source>
            <translation>Import a size definition</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="242" />
            <source>Reclasificar ahora las empresas afectadas (se podrá deshacer)</source>
            <translation>Re-classify the affected firms now (it can be undone)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="221" />
            <source>{title}, versión {version} ({country}).
Fuente: {source}</source>
            <translation>{title}, version {version} ({country}).
Source: {source}</translation>
        </message>
    </context>
    <context>
        <name>LineChart</name>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="365" />
            <source>Gráfico de líneas</source>
            <translation>Line chart</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="397" />
            <source>Sin datos todavía</source>
            <translation>No data yet</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="370" />
            <source>Sin datos todavía.</source>
            <translation>No data yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="373" />
            <source>sin dato</source>
            <translation>no value</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/gui/main_window.py" line="67" />
            <source>&amp;Ver</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Clasificar empresa</source>
            <translation>Classify a firm</translation>
        </message>
        <message>
            <source>Configuración</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/main_window.py" line="39" />
            <source>Elija una sección con las flechas; Ctrl+1 a Ctrl+7 llevan a cada una desde cualquier lugar.</source>
            <translation>Choose a section with the arrow keys; Ctrl+1 to Ctrl+7 go to each one from anywhere.</translation>
        </message>
        <message>
            <source>Empresas</source>
            <translation>Firms</translation>
        </message>
        <message>
            <source>Evaluaciones</source>
            <translation>Assessments</translation>
        </message>
        <message>
            <source>Informes</source>
            <translation>Reports</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/main_window.py" line="32" />
            <source>Rumbo — apoyo a mipymes</source>
            <translation>Rumbo — small business support</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/main_window.py" line="38" />
            <source>Secciones</source>
            <translation>Sections</translation>
        </message>
        <message>
            <source>Sincronización</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Tablero</source>
            <translation>Dashboard</translation>
        </message>
    </context>
    <context>
        <name>MilestoneDialog</name>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="196" />
            <source>&amp;Descripción</source>
            <translation>&amp;Description</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="197" />
            <source>&amp;Evidencia</source>
            <translation>&amp;Evidence</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="188" />
            <source>&amp;Fecha</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="195" />
            <source>&amp;Instrumento</source>
            <translation>&amp;Instrument</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="194" />
            <source>&amp;Otorgado por</source>
            <translation>&amp;Granted by</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="201" />
            <source>&amp;Referencia del documento</source>
            <translation>Document &amp;reference</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="187" />
            <source>&amp;Tipo</source>
            <translation>&amp;Kind</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="198" />
            <source>Documento &amp;visto</source>
            <translation>Document &amp;seen</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="190" />
            <source>Empleos nuevos de &amp;hombres</source>
            <translation>New jobs for &amp;men</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="189" />
            <source>Empleos nuevos de &amp;mujeres</source>
            <translation>New jobs for &amp;women</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="191" />
            <source>M&amp;onto</source>
            <translation>A&amp;mount</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="193" />
            <source>Mercados nuevos (separados por comas)</source>
            <translation>New markets (comma-separated)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="192" />
            <source>Mo&amp;neda</source>
            <translation>C&amp;urrency</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="185" />
            <source>Registrar hito de impacto</source>
            <translation>Record an impact milestone</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="202" />
            <source>número, fecha, quién lo emite</source>
            <translation>number, date, who issued it</translation>
        </message>
    </context>
    <context>
        <name>ParametersBox</name>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="67" />
            <source>Banda «{band}» desde</source>
            <translation>Band «{band}» from</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="69" />
            <source>Cobertura mínima para dar índice y banda</source>
            <translation>Minimum coverage for an index and a band</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="68" />
            <source>Cobertura mínima para puntuar una dimensión</source>
            <translation>Minimum coverage to score a dimension</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="52" />
            <source>El estudio no propone pesos ni bandas: estos valores son un criterio del centro. Las evaluaciones nuevas los usan y los guardan con su resultado.</source>
            <translation>The study proposes no weights or bands: these values are the centre's criterion. New assessments use them and store them with their result.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="39" />
            <source>Evaluación: pesos, bandas y umbrales</source>
            <translation>Assessment: weights, bands and thresholds</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="87" />
            <source>Guardar parámetros</source>
            <translation>Save parameters</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="65" />
            <source>Límite inferior de la banda {band}</source>
            <translation>Lower bound of band {band}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="124" />
            <source>Parámetros guardados: las evaluaciones nuevas los usarán.</source>
            <translation>Parameters saved: new assessments will use them.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="60" />
            <source>Peso de {dimension}</source>
            <translation>Weight of {dimension}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="70" />
            <source>Resultado provisional por debajo de</source>
            <translation>Provisional result below</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="132" />
            <source>Se usan otra vez los parámetros del cuestionario.</source>
            <translation>The questionnaire's parameters are in use again.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="125" />
            <source>Son los parámetros del cuestionario.</source>
            <translation>These are the questionnaire's parameters.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/parameters_box.py" line="88" />
            <source>Volver a los del cuestionario</source>
            <translation>Back to the questionnaire's</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="119" />
            <source>&amp;Cambiar</source>
            <translation>&amp;Change</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="118" />
            <source>&amp;Repita la nueva</source>
            <translation>&amp;Repeat the new one</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="113" />
            <source>Cambiar mi contraseña</source>
            <translation>Change my password</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="119" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="117" />
            <source>Contraseña &amp;actual</source>
            <translation>&amp;Current password</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="117" />
            <source>Contraseña &amp;nueva</source>
            <translation>&amp;New password</translation>
        </message>
    </context>
    <context>
        <name>PlanItemDialog</name>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="270" />
            <source>&amp;Dimensión que mejora</source>
            <translation>&amp;Dimension it improves</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="269" />
            <source>&amp;Fecha límite</source>
            <translation>&amp;Due date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="263" />
            <source>&amp;Qué hay que hacer</source>
            <translation>&amp;What to do</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="264" />
            <source>&amp;Responsable</source>
            <translation>&amp;Who does it</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="261" />
            <source>Acción del plan</source>
            <translation>Plan action</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="261" />
            <source>Nueva acción del plan</source>
            <translation>New plan action</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="115" />
            <source>&amp;Familia de instrumentos</source>
            <translation>Instrument &amp;family</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="104" />
            <source>&amp;Institución</source>
            <translation>&amp;Institution</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="141" />
            <source>&amp;Otros requisitos</source>
            <translation>&amp;Other requirements</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="103" />
            <source>&amp;Programa</source>
            <translation>&amp;Programme</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="110" />
            <source>&amp;Territorio</source>
            <translation>&amp;Territory</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="155" />
            <source>&amp;Vigente desde</source>
            <translation>&amp;Valid from</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="151" />
            <source>&amp;hasta</source>
            <translation>&amp;to</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="127" />
            <source>Agroalimentario</source>
            <translation>Agri-food</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="62" />
            <source>Añadir programa</source>
            <translation>Add programme</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="144" />
            <source>Co&amp;rreo</source>
            <translation>E-&amp;mail</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="129" />
            <source>Comercio</source>
            <translation>Trade</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="62" />
            <source>Editar programa</source>
            <translation>Edit programme</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="131" />
            <source>Etapas (ninguna: todas)</source>
            <translation>Stages (none: all)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="158" />
            <source>Fuent&amp;e</source>
            <translation>Sourc&amp;e</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="121" />
            <source>Instr&amp;umentos</source>
            <translation>Instr&amp;uments</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="128" />
            <source>Intensivo en tecnología</source>
            <translation>Technology-intensive</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="128" />
            <source>Manufactura tradicional</source>
            <translation>Traditional manufacturing</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="125" />
            <source>Mediana</source>
            <translation>Medium</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="125" />
            <source>Micro</source>
            <translation>Micro</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="122" />
            <source>Ninguno marcado: sirve a toda la familia.</source>
            <translation>None ticked: it serves the whole family.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="109" />
            <source>Paí&amp;s</source>
            <translation>Countr&amp;y</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="125" />
            <source>Pequeña</source>
            <translation>Small</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="142" />
            <source>Persona de &amp;contacto</source>
            <translation>&amp;Contact person</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="145" />
            <source>Página &amp;web</source>
            <translation>&amp;Web page</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="127" />
            <source>Recursos naturales</source>
            <translation>Natural resources</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="133" />
            <source>Requiere inscripción legal</source>
            <translation>Requires legal registration</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="130" />
            <source>Sectores (ninguno: todos)</source>
            <translation>Sectors (none: all)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="129" />
            <source>Servicios</source>
            <translation>Services</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="126" />
            <source>Tamaños (ninguno: todos)</source>
            <translation>Sizes (none: all)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="143" />
            <source>Teléfo&amp;no</source>
            <translation>P&amp;hone</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="157" />
            <source>Verificado con la institución el</source>
            <translation>Checked with the institution on</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="150" />
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="157" />
            <source>dd/mm/aaaa</source>
            <translation>dd/mm/yyyy</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="137" />
            <source>otros requisitos en palabras sencillas, p. ej. ventas hasta 1 millón</source>
            <translation>other requirements in plain words, e.g. sales up to 1 million</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="103" />
            <source>p. ej. Crédito para capital de trabajo</source>
            <translation>e.g. Working-capital credit</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="158" />
            <source>página o documento de la institución</source>
            <translation>the institution's page or document</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="104" />
            <source>quien lo ofrece</source>
            <translation>who offers it</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="152" />
            <source>sin fecha de fin</source>
            <translation>no end date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programme_dialog.py" line="110" />
            <source>todo el país, o departamentos separados por comas</source>
            <translation>the whole country, or departments separated by commas</translation>
        </message>
    </context>
    <context>
        <name>ProgrammesBox</name>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="72" />
            <source>Añadir…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="73" />
            <source>Editar…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="123" />
            <source>El directorio está vacío: el informe dice entonces a quién del centro preguntar. Añada los programas o impórtelos de una hoja de cálculo.</source>
            <translation>The directory is empty: the report then says whom in the centre to ask. Add the programmes or import them from a spreadsheet.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="64" />
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="63" />
            <source>Familia</source>
            <translation>Family</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="203" />
            <source>Hojas de cálculo (*.csv *.xlsx)</source>
            <translation>Spreadsheets (*.csv *.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="77" />
            <source>Importar CSV o XLSX…</source>
            <translation>Import CSV or XLSX…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="202" />
            <source>Importar programas</source>
            <translation>Import programmes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="63" />
            <source>Institución</source>
            <translation>Institution</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="58" />
            <source>La oferta de hoy, con quién llamar: el informe la muestra primero en cada recomendación para la que la empresa califica. Un programa vencido o sin verificar hace más de un año no se imprime.</source>
            <translation>Today's offer, with whom to call: the report shows it first in each recommendation the firm qualifies for. A programme past its date or not checked for over a year is not printed.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="63" />
            <source>Programa</source>
            <translation>Programme</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="224" />
            <source>Programas importados: {added} nuevos, {updated} actualizados; {bad} filas no se importaron.</source>
            <translation>Programmes imported: {added} new, {updated} updated; {bad} rows were not imported.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="127" />
            <source>Programas que necesitan revisión (el informe no los muestra): vencidos, {expired}; sin verificar hace más de un año, {unchecked}.</source>
            <translation>Programmes that need review (the report leaves them out): expired, {expired}; not checked for over a year, {unchecked}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="46" />
            <location filename="../../desktop/gui/settings/programmes_box.py" line="67" />
            <source>Programas vigentes del centro</source>
            <translation>The centre's current programmes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="76" />
            <source>Quitar</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="188" />
            <source>Quitar programa</source>
            <translation>Remove programme</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="75" />
            <source>Registra que hoy se confirmó el programa con la institución.</source>
            <translation>Records that the programme was confirmed with the institution today.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="164" />
            <source>Se guardó «{name}».</source>
            <translation>“{name}” was saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="196" />
            <source>Se quitó «{name}».</source>
            <translation>“{name}” was removed.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="143" />
            <source>Solo la coordinación del centro modifica el directorio.</source>
            <translation>Only the centre's coordination changes the directory.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="131" />
            <source>Todos los programas están vigentes y verificados en el último año.</source>
            <translation>Every programme is current and was checked in the last year.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="68" />
            <source>Una fila por programa: nombre, institución, familia, vigencia, fecha de verificación y estado. Enter lo edita.</source>
            <translation>One row per programme: name, institution, family, validity, date checked and status. Enter edits it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="64" />
            <source>Verificado</source>
            <translation>Checked</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="74" />
            <source>Verificado hoy</source>
            <translation>Checked today</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="63" />
            <source>Vigencia</source>
            <translation>In force</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="117" />
            <source>desde {date}</source>
            <translation>from {date}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="115" />
            <source>hasta {date}</source>
            <translation>until {date}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="118" />
            <source>sin fechas</source>
            <translation>no dates</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="179" />
            <source>«{name}» quedó verificado hoy.</source>
            <translation>“{name}” is marked as checked today.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/programmes_box.py" line="186" />
            <source>¿Quitar «{name}» del directorio? Los informes dejarán de mostrarlo.</source>
            <translation>Remove “{name}” from the directory? Reports will stop showing it.</translation>
        </message>
    </context>
    <context>
        <name>QuestionCard</name>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="301" />
            <source> o más</source>
            <translation> or more</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="158" />
            <source>Documento visto por el asesor</source>
            <translation>Document seen by the adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="302" />
            <source>El valor debe estar entre</source>
            <translation>The value must be between</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="299" />
            <source>Escriba un número, por ejemplo 25 o 12,5.</source>
            <translation>Type a number, for example 25 or 12.5.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="119" />
            <source>Ninguna de estas</source>
            <translation>None of these</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="99" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="161" />
            <source>Nota (opcional)</source>
            <translation>Note (optional)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="83" />
            <source>Nota sobre la pregunta {n}</source>
            <translation>Note on question {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="82" />
            <source>Respuesta a la pregunta {n}</source>
            <translation>Answer to question {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="159" />
            <source>Sin marcar: declarado por el propietario.</source>
            <translation>Unticked: stated by the owner.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="99" />
            <source>Sí</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="128" />
            <source>a</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="128" />
            <source>de</source>
            <translation>from</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="127" />
            <source>o más</source>
            <translation>or more</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/assessment/question_cards.py" line="301" />
            <source>y</source>
            <translation>and</translation>
        </message>
    </context>
    <context>
        <name>RadarChart</name>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="105" />
            <source>Gráfico radar</source>
            <translation>Radar chart</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="110" />
            <source>Sin datos.</source>
            <translation>No data.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/charts.py" line="113" />
            <source>sin datos</source>
            <translation>no data</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="320" />
            <source>&amp;Recuperar y entrar</source>
            <translation>&amp;Recover and sign in</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="318" />
            <source>&amp;Usuario</source>
            <translation>&amp;User</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="320" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="318" />
            <source>Clave de &amp;recuperación</source>
            <translation>&amp;Recovery key</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="319" />
            <source>Contraseña &amp;nueva</source>
            <translation>&amp;New password</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="311" />
            <source>Escriba la clave de recuperación que se imprimió al configurar Rumbo, su usuario y una contraseña nueva.</source>
            <translation>Type the recovery key printed when Rumbo was set up, your user name and a new password.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="319" />
            <source>R&amp;epita la contraseña</source>
            <translation>R&amp;epeat the password</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="310" />
            <source>Recuperar el acceso</source>
            <translation>Recover access</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="198" />
            <source>&amp;Continuar</source>
            <translation>&amp;Continue</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="195" />
            <source>&amp;Imprimir…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="184" />
            <source>Anote esta clave y guárdela en un lugar seguro, lejos de la laptop. Es la única forma de abrir la base si se olvida la contraseña. Rumbo no la vuelve a mostrar.</source>
            <translation>Write this key down and keep it somewhere safe, away from the laptop. It is the only way to open the database if the password is forgotten. Rumbo will not show it again.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="192" />
            <source>C&amp;opiar</source>
            <translation>C&amp;opy</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="182" />
            <source>Clave de recuperación</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="197" />
            <source>La he &amp;anotado en un lugar seguro</source>
            <translation>I have &amp;written it down somewhere safe</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="223" />
            <source>Rumbo: clave de recuperación de la base de datos. Guárdela en un lugar seguro, lejos de la laptop.</source>
            <translation>Rumbo: recovery key of the database. Keep it somewhere safe, away from the laptop.</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="80" />
            <source>%v de %m</source>
            <translation>%v of %m</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="135" />
            <source>Abrir &amp;carpeta</source>
            <translation>Open &amp;folder</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="112" />
            <source>Asesores:</source>
            <translation>Advisers:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="68" />
            <source>Buscar empresa por nombre o NIT</source>
            <translation>Search for a firm by name or tax ID</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="259" />
            <source>Cancelando…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="83" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="231" />
            <source>Carpeta para los informes</source>
            <translation>Folder for the reports</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="207" />
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="311" />
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="337" />
            <source>Documentos PDF (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="167" />
            <source>Empresas encontradas</source>
            <translation>Firms found</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="123" />
            <source>Exportar &amp;XLSX…</source>
            <translation>Export &amp;XLSX…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="168" />
            <source>Fin del período</source>
            <translation>End of the period</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="122" />
            <source>Guardar &amp;PDF…</source>
            <translation>Save &amp;PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="206" />
            <source>Guardar informe</source>
            <translation>Save report</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="103" />
            <source>Guardar informe de &amp;cartera…</source>
            <translation>Save &amp;portfolio report…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="310" />
            <source>Guardar informe de cartera</source>
            <translation>Save portfolio report</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="338" />
            <source>Guardar informe para financiadores</source>
            <translation>Save funder report</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="138" />
            <source>Idioma de los informes:</source>
            <translation>Report language:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="248" />
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="252" />
            <source>Imprimiendo los informes…</source>
            <translation>Printing the reports…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="70" />
            <source>Imprimir &amp;informe…</source>
            <translation>Print &amp;report…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="78" />
            <source>Imprimir &amp;todos en una carpeta…</source>
            <translation>Print &amp;all into a folder…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="104" />
            <source>Informe de cartera</source>
            <translation>Portfolio report</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="71" />
            <source>Informe de una empresa</source>
            <translation>Report for one firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="124" />
            <source>Informe para financiadores (mismo período)</source>
            <translation>Funder report (same period)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="235" />
            <source>Informe {done} de {total}</source>
            <translation>Report {done} of {total}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="84" />
            <source>Informes de todas las empresas</source>
            <translation>Reports for every firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="168" />
            <source>Inicio del período</source>
            <translation>Start of the period</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="337" />
            <source>Libros de Excel (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="278" />
            <source>No hay empresas registradas; no se escribió ningún informe.</source>
            <translation>There are no registered firms; no report was written.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="376" />
            <source>No se escribió ningún informe.</source>
            <translation>No report was written.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="111" />
            <source>Período:</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="328" />
            <source>Preparando el informe de cartera…</source>
            <translation>Preparing the portfolio report…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="359" />
            <source>Preparando el informe para financiadores…</source>
            <translation>Preparing the funder report…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="224" />
            <source>Preparando el informe…</source>
            <translation>Preparing the report…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="175" />
            <source>Programa del informe para financiadores</source>
            <translation>Programme of the funder report</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="126" />
            <source>Programa:</source>
            <translation>Programme:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="276" />
            <source>Se canceló: se escribieron {n} de {total} informes en {folder}.</source>
            <translation>Cancelled: {n} of {total} reports were written to {folder}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="280" />
            <source>Se escribieron {n} de {total} informes en {folder}.</source>
            <translation>{n} of {total} reports were written to {folder}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="325" />
            <source>Se guardó el informe de cartera del {start} al {end} en {path}.</source>
            <translation>The portfolio report from {start} to {end} was saved to {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="219" />
            <source>Se guardó el informe de «{name}» en {path}.</source>
            <translation>The report for “{name}” was saved to {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="354" />
            <source>Se guardó el informe para financiadores en {path}: {firms} empresas asesoradas, {hours} horas, {jobs} empleos nuevos verificados; {waiting} hitos esperan verificación.</source>
            <translation>The funder report was saved in {path}: {firms} firms advised, {hours} hours, {jobs} verified new jobs; {waiting} milestones await verification.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="113" />
            <source>Sin marcar ninguno: todos los asesores.</source>
            <translation>None ticked: all advisers.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="221" />
            <source>Solo incluye el perfil: la empresa no tiene una evaluación completada.</source>
            <translation>Profile only: the firm has no completed assessment.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="121" />
            <source>Todos los programas</source>
            <translation>All programmes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="86" />
            <source>Un PDF por empresa, en la carpeta que elija. Se usan los dos núcleos del equipo; puede cancelar y se conservan los ya escritos.</source>
            <translation>One PDF per firm, in the folder you choose. Two processor cores are used; you can cancel and the reports already written are kept.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="108" />
            <source>al</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/portfolio/reports_page.py" line="283" />
            <source>{k} no se pudieron escribir: {why}</source>
            <translation>{k} could not be written: {why}</translation>
        </message>
    </context>
    <context>
        <name>SecurityBox</name>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="50" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="57" />
            <source>&amp;Acceso de los asesores…</source>
            <translation>&amp;Advisers' access…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="55" />
            <source>&amp;Bloquear ahora</source>
            <translation>&amp;Lock now</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="48" />
            <source>Acceso y seguridad</source>
            <translation>Access and security</translation>
        </message>
        <message>
            <source>Administrador</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Asesor</source>
            <translation>Adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="60" />
            <source>Bloquear tras</source>
            <translation>Lock after</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="54" />
            <source>Cambiar mi &amp;contraseña…</source>
            <translation>Change my &amp;password…</translation>
        </message>
        <message>
            <source>Coordinador</source>
            <translation>Coordinator</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="76" />
            <source>Nadie ha iniciado sesión</source>
            <translation>Nobody is signed in</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="59" />
            <source>Sesión</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="51" />
            <source>nunca</source>
            <translation>never</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/security_box.py" line="78" />
            <source>{name} ({login}), {role}</source>
            <translation>{name} ({login}), {role}</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="138" />
            <source>&amp;Duración (minutos)</source>
            <translation>D&amp;uration (minutes)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="137" />
            <source>&amp;Fecha</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="139" />
            <source>&amp;Modalidad</source>
            <translation>&amp;Mode</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="153" />
            <source>&amp;Notas</source>
            <translation>&amp;Notes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="155" />
            <source>&amp;Próximo paso</source>
            <translation>&amp;Next step</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="151" />
            <source>&amp;Temas (espacio marca)</source>
            <translation>&amp;Topics (space ticks)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="141" />
            <source>Minutos de p&amp;reparación</source>
            <translation>P&amp;reparation minutes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="142" />
            <source>Minutos de tr&amp;aslado</source>
            <translation>Tr&amp;avel minutes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/registry/advisory_dialogs.py" line="135" />
            <source>Registrar sesión de asesoría</source>
            <translation>Record an advisory session</translation>
        </message>
    </context>
    <context>
        <name>SetUpDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="133" />
            <source>&amp;Centro</source>
            <translation>&amp;Centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="134" />
            <source>&amp;Contraseña *</source>
            <translation>&amp;Password *</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="133" />
            <source>&amp;Nombre *</source>
            <translation>&amp;Name *</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="134" />
            <source>&amp;Repita la contraseña *</source>
            <translation>&amp;Repeat the password *</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="133" />
            <source>&amp;Usuario *</source>
            <translation>&amp;User *</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="108" />
            <source>Configurar el inicio de sesión</source>
            <translation>Set up sign-in</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="136" />
            <source>Configurar y &amp;cifrar</source>
            <translation>Set up and &amp;encrypt</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="111" />
            <source>Desde esta versión, Rumbo guarda la base de datos cifrada: quien encuentre la laptop no podrá leer los datos de los clientes. Antes de cifrarla se hace una copia de seguridad verificada. Quien configure el acceso será el administrador de esta base.</source>
            <translation>From this version on, Rumbo keeps the database encrypted: whoever finds the laptop cannot read the clients' data. A verified backup is made before encrypting it. Whoever sets up access becomes the administrator of this database.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="131" />
            <source>La contraseña lleva al menos {n} caracteres.</source>
            <translation>The password has at least {n} characters.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="124" />
            <source>Laptop de …</source>
            <translation>Laptop of …</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="135" />
            <source>Nombre del &amp;equipo *</source>
            <translation>&amp;Device name *</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="119" />
            <source>Nombre y apellido</source>
            <translation>First and last name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="115" />
            <source>Rumbo guarda la base de datos cifrada y pide usuario y contraseña al abrir. Quien configure el acceso será el administrador de esta base.</source>
            <translation>Rumbo keeps the database encrypted and asks for a user name and password when it opens. Whoever sets up access becomes the administrator of this database.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="136" />
            <source>Salir</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="121" />
            <source>p. ej. ana.perez</source>
            <translation>e.g. ana.perez</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="421" />
            <source>&amp;Guardar cambios</source>
            <translation>&amp;Save changes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="397" />
            <source>&amp;Idioma</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="365" />
            <source>&amp;Nombre del centro</source>
            <translation>Centre &amp;name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="367" />
            <source>&amp;País por omisión</source>
            <translation>Default &amp;country</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="85" />
            <source>(en memoria)</source>
            <translation>(in memory)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="224" />
            <source>Al historial de «{device}» le faltan cambios del final ({detail}).</source>
            <translation>The history of «{device}» is missing its last changes ({detail}).</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="84" />
            <source>Archivo: {path}</source>
            <translation>File: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="232" />
            <source>Asesor</source>
            <translation>Adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="344" />
            <source>Asesor en este equipo</source>
            <translation>Adviser on this computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="378" />
            <source>Añadir moneda</source>
            <translation>Add currency</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="409" />
            <source>Base de datos</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="161" />
            <source>Base de datos de Rumbo (*.db)</source>
            <translation>Rumbo database (*.db)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="255" />
            <source>Base de datos de Rumbo (*.db);;Todos los archivos (*)</source>
            <translation>Rumbo database (*.db);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="343" />
            <source>Cambiar de asesor…</source>
            <translation>Change adviser…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="363" />
            <source>Centro</source>
            <translation>Centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="406" />
            <source>Comprueba que ningún cambio registrado haya sido modificado o borrado por fuera de Rumbo.</source>
            <translation>Checks that no recorded change was altered or deleted outside Rumbo.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="122" />
            <source>Configuración guardada.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="204" />
            <location filename="../../desktop/gui/settings/settings_page.py" line="217" />
            <source>Consulte con el coordinador antes de sincronizar.</source>
            <translation>Talk to the coordinator before syncing.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="232" />
            <source>Contacto</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="176" />
            <source>Copia de seguridad guardada en {path}.</source>
            <translation>Backup saved to {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="403" />
            <source>Copia de seguridad…</source>
            <translation>Back up…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="398" />
            <source>El cambio de idioma se aplica al volver a abrir Rumbo.</source>
            <translation>A new language takes effect when Rumbo is reopened.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="248" />
            <source>El cambio {seq} de «{device}» ({record}, {when}) {what}.</source>
            <translation>Change {seq} of “{device}” ({record}, {when}) {what}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="209" />
            <source>El historial está íntegro: {changes} cambios de 1 equipo verificados.</source>
            <translation>The history is intact: {changes} changes from 1 device verified.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="211" />
            <source>El historial está íntegro: {changes} cambios de {devices} equipos verificados.</source>
            <translation>The history is intact: {changes} changes from {devices} devices verified.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="214" />
            <source>El historial fue alterado. {first}</source>
            <translation>The history was altered. {first}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="124" />
            <source>El idioma cambiará la próxima vez que abra Rumbo.</source>
            <translation>The language will change the next time you open Rumbo.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="355" />
            <source>Elegir logotipo…</source>
            <translation>Choose logo…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="232" />
            <source>Empresa</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="395" />
            <source>Este equipo</source>
            <translation>This computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="233" />
            <source>Evaluación</source>
            <translation>Assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="104" />
            <source>Falta el código de moneda en una fila de los tipos de cambio.</source>
            <translation>A row of the exchange rates lacks its currency code.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="177" />
            <source>Guardando la copia de seguridad…</source>
            <translation>Saving the backup…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="170" />
            <source>Guardando la copia…</source>
            <translation>Saving the copy…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="160" />
            <source>Guardar copia de seguridad</source>
            <translation>Save backup</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="200" />
            <source>Hay cambios hechos fuera de Rumbo o por quien no podía hacerlos. {first}</source>
            <translation>There are changes made outside Rumbo or by someone who could not make them. {first}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="139" />
            <source>Imágenes (*.png *.jpg *.jpeg)</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="272" />
            <source>La copia se restauró. Cierre y vuelva a abrir Rumbo para usarla.</source>
            <translation>The backup was restored. Close and reopen Rumbo to use it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="366" />
            <source>Logotipo (para los informes)</source>
            <translation>Logo (for the reports)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="139" />
            <location filename="../../desktop/gui/settings/settings_page.py" line="354" />
            <source>Logotipo del centro</source>
            <translation>Centre logo</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="264" />
            <source>Los datos actuales se reemplazarán por los de la copia (se guardan aparte por si acaso). Después tendrá que volver a abrir Rumbo. ¿Continuar?</source>
            <translation>The current data will be replaced by the backup’s (they are kept aside just in case). You will then need to reopen Rumbo. Continue?</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="274" />
            <source>Los datos anteriores quedaron en {path}.</source>
            <translation>The previous data were kept in {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="370" />
            <source>Moneda (ISO)</source>
            <translation>Currency (ISO)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="308" />
            <source>Ninguno elegido</source>
            <translation>None chosen</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="399" />
            <source>Nombre del &amp;equipo</source>
            <translation>Co&amp;mputer name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="233" />
            <source>Nota</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="234" />
            <source>Parámetro</source>
            <translation>Setting</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="234" />
            <source>Programa</source>
            <translation>Programme</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="356" />
            <source>Quitar</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="379" />
            <source>Quitar moneda</source>
            <translation>Remove currency</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="233" />
            <source>Respuesta</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="285" />
            <source>Restaurando la copia…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="263" />
            <location filename="../../desktop/gui/settings/settings_page.py" line="276" />
            <source>Restaurar copia</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="254" />
            <source>Restaurar copia de seguridad</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="404" />
            <source>Restaurar copia…</source>
            <translation>Restore backup…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="382" />
            <source>Se proponen al registrar montos en otra moneda; cada empresa guarda el tipo de cambio que se usó.</source>
            <translation>Suggested when amounts are entered in another currency; each firm keeps the rate that was used.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="321" />
            <source>Sin logotipo</source>
            <translation>No logo</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="216" />
            <source>También en el historial de otros {n} equipos.</source>
            <translation>Also in the history of {n} other devices.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="375" />
            <location filename="../../desktop/gui/settings/settings_page.py" line="380" />
            <source>Tipos de cambio</source>
            <translation>Exchange rates</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="376" />
            <source>Una fila por moneda: su código ISO y cuántas unidades valen un dólar. F2 o escribir edita la celda elegida.</source>
            <translation>One row per currency: its ISO code and how many units make one dollar. F2 or typing edits the chosen cell.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="370" />
            <source>Unidades por 1 US$</source>
            <translation>Units per US$1</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="182" />
            <location filename="../../desktop/gui/settings/settings_page.py" line="188" />
            <location filename="../../desktop/gui/settings/settings_page.py" line="193" />
            <source>Verificando el historial…</source>
            <translation>Verifying the history…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="405" />
            <source>Verificar el &amp;historial</source>
            <translation>Verify the &amp;history</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="203" />
            <source>Y {n} más (rumbo check los lista).</source>
            <translation>And {n} more (rumbo check lists them).</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="238" />
            <source>asesor</source>
            <translation>adviser</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="238" />
            <source>contacto</source>
            <translation>contact</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="238" />
            <source>empresa</source>
            <translation>firm</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="239" />
            <source>evaluación</source>
            <translation>assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="243" />
            <source>fue modificado después de registrarse</source>
            <translation>was modified after it was recorded</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="244" />
            <source>le falta un cambio anterior, que fue borrado</source>
            <translation>is missing an earlier change, which was deleted</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="245" />
            <source>no lleva sello aunque los cambios anteriores sí</source>
            <translation>carries no seal although the earlier changes do</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="239" />
            <source>nota</source>
            <translation>note</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="349" />
            <source>p. ej. CDMYPE UNICAES Santa Ana</source>
            <translation>e.g. CDMYPE UNICAES Santa Ana</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="240" />
            <source>parámetro</source>
            <translation>setting</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="240" />
            <source>programa</source>
            <translation>programme</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="239" />
            <source>respuesta</source>
            <translation>answer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="229" />
            <source>{record} no coincide con su historial ({detail}).</source>
            <translation>{record} does not match its history ({detail}).</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/settings_page.py" line="227" />
            <source>{record}: {detail}, que no era administrador en ese momento.</source>
            <translation>{record}: {detail}, who was not an administrator at the time.</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="253" />
            <source>&amp;Contraseña</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="254" />
            <source>&amp;Desbloquear</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="254" />
            <source>&amp;Entrar</source>
            <translation>&amp;Sign in</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="257" />
            <source>&amp;Olvidé mi contraseña…</source>
            <translation>&amp;I forgot my password…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="253" />
            <source>&amp;Usuario</source>
            <translation>&amp;User</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="246" />
            <source>Entrar a Rumbo</source>
            <translation>Sign in to Rumbo</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="249" />
            <source>La base de datos está cifrada. Entre con su usuario y contraseña.</source>
            <translation>The database is encrypted. Sign in with your user name and password.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="271" />
            <source>La contraseña no es correcta.</source>
            <translation>The password is not correct.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="246" />
            <source>Rumbo bloqueado</source>
            <translation>Rumbo locked</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="247" />
            <source>Rumbo se bloqueó por inactividad. Escriba su contraseña para seguir donde estaba: nada de lo escrito se ha perdido.</source>
            <translation>Rumbo locked itself after a while without use. Type your password to carry on where you were: nothing you typed has been lost.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="254" />
            <location filename="../../desktop/gui/settings/sign_in.py" line="295" />
            <source>Salir de Rumbo</source>
            <translation>Quit Rumbo</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/sign_in.py" line="296" />
            <source>¿Cerrar Rumbo? Lo que no esté guardado se perderá.</source>
            <translation>Close Rumbo? Whatever is not saved will be lost.</translation>
        </message>
    </context>
    <context>
        <name>SizeDefinitionsBox</name>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="53" />
            <source>Cada empresa tiene dos clases: según la ley vigente de su país y según la tabla del estudio (CEPAL, Cuadro 1), que usan la evaluación y las comparaciones.</source>
            <translation>Each firm has two classes: under the law in force in its country and under the study's table (ECLAC, Table 1), which the assessment and the comparisons use.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="59" />
            <source>Clase en listas, filtros y Tablero:</source>
            <translation>Class in lists, filters and Dashboard:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="42" />
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="69" />
            <source>Definiciones de tamaño</source>
            <translation>Size definitions</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="62" />
            <source>Definición</source>
            <translation>Definition</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="141" />
            <source>Definición de tamaño (*.json)</source>
            <translation>Size definition (*.json)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="78" />
            <source>Deshacer la última reclasificación</source>
            <translation>Undo the last re-classification</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="187" />
            <source>Empresas reclasificadas: {n}.</source>
            <translation>Firms re-classified: {n}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="98" />
            <source>Estudio</source>
            <translation>Study</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="115" />
            <source>Fuente: {source}</source>
            <translation>Source: {source}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="140" />
            <source>Importar ley o salario mínimo</source>
            <translation>Import a law or a minimum wage</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="76" />
            <source>Importar ley o salario mínimo…</source>
            <translation>Import a law or a minimum wage…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="57" />
            <source>La ley vigente</source>
            <translation>The law in force</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="58" />
            <source>La tabla del estudio (CEPAL)</source>
            <translation>The study's table (ECLAC)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="132" />
            <source>Las listas, los filtros y el Tablero usan ahora la clase según {which}.</source>
            <translation>Lists, filters and the Dashboard now use the class under {which}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="98" />
            <source>Ley</source>
            <translation>Law</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="176" />
            <source>Ninguna de las {n} empresas cambia de clase.</source>
            <translation>None of the {n} firms changes class.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="63" />
            <source>Origen</source>
            <translation>Origin</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="62" />
            <source>País</source>
            <translation>Country</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="180" />
            <source>Reclasificar empresas</source>
            <translation>Re-classify firms</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="77" />
            <source>Reclasificar empresas…</source>
            <translation>Re-classify firms…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="98" />
            <source>Salario mínimo</source>
            <translation>Minimum wage</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="203" />
            <source>Se deshizo la reclasificación del {when}: {n} empresas vuelven a su clase anterior.</source>
            <translation>The re-classification of {when} was undone: {n} firms are back in their earlier class.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="166" />
            <source>Se importó «{name}». Empresas reclasificadas: {n}.</source>
            <translation>“{name}” was imported. Firms re-classified: {n}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="62" />
            <source>Tipo</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="63" />
            <source>Versión</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="63" />
            <source>Vigencia</source>
            <translation>In force</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="133" />
            <source>la ley vigente</source>
            <translation>the law in force</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="133" />
            <source>la tabla del estudio</source>
            <translation>the study's table</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/settings/size_definitions_box.py" line="178" />
            <source>{changed} de {n} empresas cambian de clase o de definición aplicada. ¿Reclasificar? Se podrá deshacer.</source>
            <translation>{changed} of {n} firms change class or definition applied. Re-classify? It can be undone.</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="645" />
            <source> (centro)</source>
            <translation> (centre)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="361" />
            <source> (coordinación nacional: consulta todos los centros y no registra ni cambia empresas)</source>
            <translation> (national coordination: reads every centre and neither registers nor changes firms)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="209" />
            <source>&amp;Exportar paquete…</source>
            <translation>&amp;Export bundle…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="210" />
            <source>&amp;Importar paquete…</source>
            <translation>&amp;Import bundle…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="294" />
            <source>&amp;Resolver…</source>
            <translation>&amp;Resolve…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="243" />
            <source>&amp;Sincronizar ahora</source>
            <translation>&amp;Sync now</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="655" />
            <source>(solo campos calculados)</source>
            <translation>(calculated fields only)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="303" />
            <source>Aplicados</source>
            <translation>Applied</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="575" />
            <source>Aplicando el paquete…</source>
            <translation>Applying the bundle…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="304" />
            <source>Archivo</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="303" />
            <source>Cambios</source>
            <translation>Changes</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="292" />
            <source>Campos en conflicto</source>
            <translation>Fields in conflict</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="207" />
            <location filename="../../desktop/gui/sync/sync_page.py" line="501" />
            <location filename="../../desktop/gui/sync/sync_page.py" line="648" />
            <source>Centro</source>
            <translation>Centre</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="240" />
            <source>Centro (si el servidor tiene varios)</source>
            <translation>Centre (if the server has several)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="241" />
            <source>Centro de este equipo en el servidor</source>
            <translation>This computer's centre on the server</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="303" />
            <source>Conflictos</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="312" />
            <source>Conflictos pendientes</source>
            <translation>Pending conflicts</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="660" />
            <source>Conflictos pendientes ({n})</source>
            <translation>Pending conflicts ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="311" />
            <source>Conflictos, historial y equipos</source>
            <translation>Conflicts, history and devices</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="304" />
            <source>Contenido</source>
            <translation>Contents</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="237" />
            <source>Contraseña del técnico</source>
            <translation>Technician's password</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="238" />
            <source>Contraseña del técnico (propietario de la base)</source>
            <translation>Technician's password (database owner)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="235" />
            <source>Dirección del servidor con el usuario del técnico</source>
            <translation>Server address with the technician's user</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="584" />
            <source>El paquete «{file}» no trae ningún cambio; no se registró nada.</source>
            <translation>The bundle «{file}» carries no change; nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="581" />
            <source>El paquete «{file}» ya se había importado; no cambió nada.</source>
            <translation>The bundle “{file}” had already been imported; nothing changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="377" />
            <source>El servidor pide la contraseña del técnico (propietario de la base): escríbala en su casilla.</source>
            <translation>The server asks for the technician's password (database owner): type it in its box.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="663" />
            <source>Enviado</source>
            <translation>Sent</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="271" />
            <location filename="../../desktop/gui/sync/sync_page.py" line="302" />
            <location filename="../../desktop/gui/sync/sync_page.py" line="305" />
            <source>Equipo</source>
            <translation>Computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="501" />
            <location filename="../../desktop/gui/sync/sync_page.py" line="648" />
            <source>Equipo de campo</source>
            <translation>Field computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="206" />
            <source>Equipo de campo (laptop)</source>
            <translation>Field computer (laptop)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="293" />
            <source>Equipos</source>
            <translation>Computers</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="310" />
            <source>Equipos conocidos</source>
            <translation>Known computers</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="277" />
            <source>Equipos de confianza</source>
            <translation>Trusted computers</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="529" />
            <source>Escribiendo el paquete…</source>
            <translation>Writing the bundle…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="272" />
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="214" />
            <source>Este equipo</source>
            <translation>This computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="356" />
            <source>Este equipo no sincroniza con un servidor; el técnico da la dirección para inscribirlo.</source>
            <translation>This device does not sync with a server; the technician gives the address to enrol it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="418" />
            <source>Este equipo se llama ahora «{name}».</source>
            <translation>This computer is now called “{name}”.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="516" />
            <source>Exportar paquete</source>
            <translation>Export bundle</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="293" />
            <location filename="../../desktop/gui/sync/sync_page.py" line="302" />
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="271" />
            <location filename="../../desktop/gui/sync/sync_page.py" line="305" />
            <source>Función</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="220" />
            <source>Función:</source>
            <translation>Role:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="432" />
            <source>Guardar la tarjeta de este equipo</source>
            <translation>Save this computer's card</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="274" />
            <source>Guardar la tarjeta de este equipo…</source>
            <translation>Save this computer's card…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="204" />
            <source>Guardar nombre</source>
            <translation>Save name</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="309" />
            <source>Historial de paquetes</source>
            <translation>Bundle history</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="271" />
            <source>Huella</source>
            <translation>Fingerprint</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="280" />
            <source>Huella de este equipo:</source>
            <translation>This computer's fingerprint:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="546" />
            <source>Importar paquete</source>
            <translation>Import bundle</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="242" />
            <source>Ins&amp;cribir este equipo</source>
            <translation>En&amp;rol this device</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="450" />
            <source>Inscribir un equipo</source>
            <translation>Enrol a computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="275" />
            <source>Inscribir un equipo…</source>
            <translation>Enrol a computer…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="507" />
            <source>Inscrito el {date}</source>
            <translation>Enrolled on {date}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="538" />
            <source>Lleva todos los datos porque aún no se conoce lo que tiene el destino.</source>
            <translation>Carries all the data because what the destination holds is not known yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="643" />
            <source>Ningún equipo inscrito todavía</source>
            <translation>No computer enrolled yet</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="596" />
            <source>No se hizo ningún cambio.</source>
            <translation>No change was made.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="219" />
            <source>Nombre:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="222" />
            <source>Paquetes</source>
            <translation>Bundles</translation>
        </message>
        <message>
            <source>Paquetes Rumbo (*.rumbo)</source>
            <translation>Rumbo bundles (*.rumbo)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="225" />
            <source>Para:</source>
            <translation>To:</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="663" />
            <source>Recibido</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="292" />
            <source>Registro</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="313" />
            <source>Registros que dos equipos modificaron a la vez. Enter o doble clic abre el elegido para resolverlo.</source>
            <translation>Records two devices changed at the same time. Enter or a double click opens the chosen one to settle it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="558" />
            <source>Revisando el paquete…</source>
            <translation>Checking the bundle…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="505" />
            <source>Revocado el {date}</source>
            <translation>Revoked on {date}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="276" />
            <source>Revocar</source>
            <translation>Revoke</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="488" />
            <source>Revocar equipo</source>
            <translation>Revoke computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="587" />
            <source>Se aplicó «{file}» de {source}: {records} ({applied} cambios, {conflicts} conflictos).</source>
            <translation>Applied “{file}” from {source}: {records} ({applied} changes, {conflicts} conflicts).</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="535" />
            <source>Se escribió «{file}» para {to}: {records} ({n} cambios).</source>
            <translation>Wrote “{file}” for {to}: {records} ({n} changes).</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="444" />
            <source>Se guardó la tarjeta «{file}». Al inscribirla en el otro equipo, compruebe que allí se vea la huella {fingerprint}.</source>
            <translation>Card “{file}” saved. When it is enrolled on the other computer, check that the fingerprint shown there is {fingerprint}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="302" />
            <source>Sentido</source>
            <translation>Direction</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="247" />
            <source>Servidor del centro</source>
            <translation>Centre server</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="366" />
            <source>Servidor {where} · todavía sin sincronizar.</source>
            <translation>Server {where} · not synced yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="363" />
            <source>Servidor {where} · última sincronización {when}: {what}</source>
            <translation>Server {where} · last sync {when}: {what}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="404" />
            <source>Sincronizando con el servidor…</source>
            <translation>Syncing with the server…</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="286" />
            <source>Solo se aceptan paquetes de los equipos inscritos aquí, y solo para ellos se escriben.</source>
            <translation>Bundles are accepted only from the computers enrolled here, and written only for them.</translation>
        </message>
        <message>
            <source>Tarjetas de equipo (*.json)</source>
            <translation>Computer cards (*.json)</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="534" />
            <location filename="../../desktop/gui/sync/sync_page.py" line="664" />
            <source>cualquier equipo</source>
            <translation>any computer</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="656" />
            <source>desconocido</source>
            <translation>unknown</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="473" />
            <source>«{name}» quedó inscrito: sus paquetes se aceptarán aquí y se le podrán escribir.</source>
            <translation>“{name}” is enrolled: its bundles will be accepted here and bundles can be written for it.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="495" />
            <source>«{name}» quedó revocado: sus paquetes ya no se aceptarán. {server}</source>
            <translation>«{name}» is revoked: its bundles will no longer be accepted. {server}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="485" />
            <source>¿Revocar «{name}»? Sus paquetes, también los ya escritos, se rechazarán, y no se le escribirán más. Para volver a confiar en él habrá que inscribirlo de nuevo.</source>
            <translation>Revoke “{name}”? Its bundles, including those already written, will be refused, and no more will be written for it. To trust it again it must be enrolled again.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="306" />
            <source>Último enviado</source>
            <translation>Last sent</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/sync/sync_page.py" line="305" />
            <source>Último recibido</source>
            <translation>Last received</translation>
        </message>
    </context>
    <context>
        <name>accessibility</name>
        <message>
            <location filename="../../desktop/gui/shared/accessibility.py" line="264" />
            <source>Columnas: {columns}. Las flechas recorren las filas.</source>
            <translation>Columns: {columns}. The arrow keys move through the rows.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/accessibility.py" line="265" />
            <source>Las flechas recorren la lista.</source>
            <translation>The arrow keys move through the list.</translation>
        </message>
    </context>
    <context>
        <name>help_menu</name>
        <message>
            <location filename="../../desktop/gui/help_menu.py" line="27" />
            <source>&amp;Acerca de Rumbo</source>
            <translation>&amp;About Rumbo</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/help_menu.py" line="29" />
            <source>&amp;Copiar diagnóstico</source>
            <translation>&amp;Copy diagnostics</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/help_menu.py" line="25" />
            <source>A&amp;yuda</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/help_menu.py" line="28" />
            <source>Abrir carpeta de &amp;registros</source>
            <translation>Open &amp;log folder</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/help_menu.py" line="44" />
            <source>Acerca de Rumbo</source>
            <translation>About Rumbo</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/help_menu.py" line="69" />
            <source>Diagnóstico copiado: péguelo en un correo al técnico.</source>
            <translation>Diagnostics copied: paste them into an e-mail to the technician.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/help_menu.py" line="48" />
            <source>Registro, clasificación y evaluación de mipymes para centros de apoyo.
Licencia: MPL 2.0 (programa libre). Registro de soporte: {log}</source>
            <translation>Registration, size classification and assessment of small firms for support centres.
Licence: MPL 2.0 (free software). Support log: {log}</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/help_menu.py" line="47" />
            <source>Rumbo, versión {version}</source>
            <translation>Rumbo, version {version}</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <location filename="../../desktop/gui/shared/messages.py" line="68" />
            <source>Ocurrió un error inesperado. Lo que escribió sigue en pantalla; los detalles quedaron en {log}.</source>
            <translation>An unexpected error occurred. What you typed is still on screen; the details were written to {log}.</translation>
        </message>
        <message>
            <location filename="../../desktop/gui/shared/messages.py" line="42" />
            <location filename="../../desktop/gui/shared/messages.py" line="67" />
            <source>Rumbo</source>
            <translation>Rumbo</translation>
        </message>
    </context>
</TS>
