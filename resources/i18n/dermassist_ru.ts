<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
  <context>
    <name>AuditDialog</name>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="26" />
      <source>Audit trail</source>
      <translation>Журнал действий</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="29" />
      <source>The latest {n} entries, newest first.</source>
      <translation>Последние записи ({n}), сначала новые.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>When</source>
      <translation>Когда</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>Action</source>
      <translation>Действие</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>Record</source>
      <translation>Запись</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>Details</source>
      <translation>Сведения</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="37" />
      <source>created</source>
      <translation>создание</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="38" />
      <source>edited</source>
      <translation>изменение</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="39" />
      <source>added a picture</source>
      <translation>добавлен снимок</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="40" />
      <source>analysed</source>
      <translation>анализ</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="44" />
      <source>exported the referral PDF</source>
      <translation>выгружено направление (PDF)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="45" />
      <source>exported the referral package</source>
      <translation>выгружен пакет направления</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="46" />
      <source>queued for the center</source>
      <translation>поставлено в очередь в центр</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="47" />
      <source>sent to the center</source>
      <translation>отправлено в центр</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="50" />
      <source>patient</source>
      <translation>пациент</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="51" />
      <source>examination</source>
      <translation>обследование</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="52" />
      <source>settings</source>
      <translation>настройки</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="41" />
      <source>was warned about the picture</source>
      <translation>получено предупреждение о снимке</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="42" />
      <source>analysed despite the warnings</source>
      <translation>анализ выполнен несмотря на предупреждения</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="43" />
      <source>did not analyse after the warnings</source>
      <translation>анализ отменён после предупреждений</translation>
    </message>
  </context>
  <context>
    <name>BodyMapWidget</name>
    <message>
      <location filename="../../dermassist/ui/bodymap_widget.py" line="29" />
      <source>Click on the body to mark where the lesion is.</source>
      <translation>Щёлкните по фигуре, чтобы отметить, где находится образование.</translation>
    </message>
  </context>
  <context>
    <name>CameraDialog</name>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="45" />
      <source>Capture from camera</source>
      <translation>Снимок с камеры</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="53" />
      <source>Camera:</source>
      <translation>Камера:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="57" />
      <source>Refresh</source>
      <translation>Обновить</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="75" />
      <source>Capture</source>
      <translation>Сделать снимок</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="78" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="99" />
      <source>Camera support is not available on this computer ({error}).</source>
      <translation>Работа с камерой на этом компьютере недоступна ({error}).</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="113" />
      <source>No camera was found. Connect the dermatoscope or a USB camera, wait a few seconds and press Refresh. You can also open a picture file or paste one from the clipboard.</source>
      <translation>Камера не найдена. Подключите дерматоскоп или USB-камеру, подождите несколько секунд и нажмите «Обновить». Можно также открыть файл снимка или вставить его из буфера обмена.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="144" />
      <source>Still resolution: {w} × {h}</source>
      <translation>Разрешение снимка: {w} × {h}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="154" />
      <source>Camera error: </source>
      <translation>Ошибка камеры: </translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="157" />
      <source>Capture failed: </source>
      <translation>Снимок не получен: </translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="166" />
      <source>Capturing…</source>
      <translation>Снимаем…</translation>
    </message>
  </context>
  <context>
    <name>CenterSettingsDialog</name>
    <message>
      <location filename="../../dermassist/ui/center_settings.py" line="16" />
      <source>Center settings</source>
      <translation>Настройки центра</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_settings.py" line="22" />
      <source>The worklist is read from the center's PACS over DICOMweb (QIDO-RS and WADO-RS). Enter its address and the login the PACS administrator gave you.</source>
      <translation>Список направлений читается из PACS центра по DICOMweb (QIDO-RS и WADO-RS). Введите его адрес и учётные данные, полученные от администратора PACS.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_settings.py" line="42" />
      <source>The settings could not be saved: {error}</source>
      <translation>Не удалось сохранить настройки: {error}</translation>
    </message>
  </context>
  <context>
    <name>CenterWindow</name>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="81" />
      <source>DermAssist {version}: referrals received</source>
      <translation>DermAssist {version}: полученные направления</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="87" />
      <source>Refresh</source>
      <translation>Обновить</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="89" />
      <source>Open package…</source>
      <translation>Открыть пакет…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="91" />
      <source>Open a referral package from a folder or USB stick</source>
      <translation>Открыть пакет направления из папки или с USB-носителя</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="93" />
      <source>Settings…</source>
      <translation>Настройки…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="110" />
      <source>Malignant</source>
      <translation>Злокачественность</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="111" />
      <source>Patient</source>
      <translation>Пациент</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="112" />
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="113" />
      <source>Referring clinic</source>
      <translation>Направившая клиника</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="114" />
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="115" />
      <source>Referral</source>
      <translation>Направление</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="116" />
      <source>Follow-up</source>
      <translation>Дальнейшие действия</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="129" />
      <source>Select a referral.</source>
      <translation>Выберите направление.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="135" />
      <source>Patient called</source>
      <translation>Пациенту позвонили</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="137" />
      <source>Appointment set…</source>
      <translation>Приём назначен…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="146" />
      <source>Note (kept at the center only)</source>
      <translation>Заметка (хранится только в центре)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="169" />
      <source>No PACS is set up: press Settings… to enter its address, or open a package from a folder.</source>
      <translation>PACS не настроен: нажмите «Настройки…», чтобы указать его адрес, или откройте пакет из папки.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="173" />
      <source>Querying the PACS…</source>
      <translation>Запрос к PACS…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="184" />
      <source>Some referrals arrive without the patient's name. The PACS probably stores names in Latin-1 (Orthanc's default), which cannot hold Cyrillic: ask its administrator to set DefaultEncoding to Utf8 in the Orthanc configuration. The images, PDF and referral number are complete.</source>
      <translation>Некоторые направления пришли без имени пациента. Вероятно, PACS хранит имена в кодировке Latin-1 (по умолчанию в Orthanc), в которой нет кириллицы: попросите администратора указать DefaultEncoding = Utf8 в конфигурации Orthanc. Снимки, PDF и номер направления переданы полностью.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="199" />
      <source>appointment set</source>
      <translation>приём назначен</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="201" />
      <source>called</source>
      <translation>позвонили</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="203" />
      <source>to call</source>
      <translation>позвонить</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="207" />
      <source>(name not readable)</source>
      <translation>(имя не читается)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="215" />
      <source>{count} referral(s)</source>
      <translation>Направлений: {count}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="219" />
      <source>PACS error: {message}</source>
      <translation>Ошибка PACS: {message}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="239" />
      <source>not analysed</source>
      <translation>анализ не проводился</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="242" />
      <source>{name} (born {birth}, {sex}), phone {phone}
Referred by {doctor}, {clinic}; referral {number}
AI malignancy: {prob} ({model})</source>
      <translation>{name} (дата рождения {birth}, {sex}), тел. {phone}
Направил(а) {doctor}, {clinic}; направление {number}
Злокачественность по оценке ИИ: {prob} ({model})</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="273" />
      <source>Open a referral package</source>
      <translation>Открыть пакет направления</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="281" />
      <source>Open package</source>
      <translation>Открыть пакет</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="282" />
      <source>This folder is not a readable referral package: {error}</source>
      <translation>Эта папка не является читаемым пакетом направления: {error}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="296" />
      <source>Opened the package in {folder}</source>
      <translation>Открыт пакет из папки {folder}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="336" />
      <source>Appointment</source>
      <translation>Приём</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="337" />
      <source>Date, time and place of the appointment (empty to clear):</source>
      <translation>Дата, время и место приёма (пусто — очистить):</translation>
    </message>
  </context>
  <context>
    <name>ChecklistWidget</name>
    <message>
      <location filename="../../dermassist/ui/checklist_widget.py" line="25" />
      <source>No checklist</source>
      <translation>Без контрольного списка</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <location filename="../../dermassist/ui/date_field.py" line="47" />
      <source>DD/MM/YYYY, or leave empty if not known</source>
      <translation>ДД.ММ.ГГГГ; пусто, если неизвестна</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/date_field.py" line="52" />
      <source>Choose the date on a calendar</source>
      <translation>Выбрать дату в календаре</translation>
    </message>
  </context>
  <context>
    <name>ExamActions</name>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="15" />
      <location filename="../../dermassist/ui/exam_actions.py" line="22" />
      <source>Referral PDF</source>
      <translation>Направление (PDF)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="42" />
      <location filename="../../dermassist/ui/exam_actions.py" line="78" />
      <source>Send to center</source>
      <translation>Отправить в центр</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="44" />
      <source>No specialised center is set up, so the referral cannot be sent yet.</source>
      <translation>Специализированный центр не настроен, поэтому направление пока нельзя отправить.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="49" />
      <source>Enter the center's address in Settings (ask the center for it). You can also put the referral in the Outbox now and export it from there to a folder or USB stick.</source>
      <translation>Укажите адрес центра в настройках (узнайте его в центре). Можно также поместить направление в «Исходящие» сейчас и оттуда выгрузить его в папку или на USB-носитель.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="56" />
      <source>Open Settings…</source>
      <translation>Открыть настройки…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="59" />
      <source>Put in the Outbox</source>
      <translation>Поместить в «Исходящие»</translation>
    </message>
  </context>
  <context>
    <name>ExamTabs</name>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="53" />
      <source>Details</source>
      <translation>Сведения</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="54" />
      <source>Lesion site</source>
      <translation>Локализация</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="56" />
      <source>Dermoscopy checklist</source>
      <translation>Дерматоскопический алгоритм</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="72" />
      <source>History, size, change noticed by the patient, your impression…</source>
      <translation>Анамнез, размер, изменения, замеченные пациентом, ваше впечатление…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="74" />
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="75" />
      <source>Referring doctor</source>
      <translation>Направивший врач</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="76" />
      <source>Urgency</source>
      <translation>Срочность</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="77" />
      <source>Notes</source>
      <translation>Заметки</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="91" />
      <source>Follow-up of this lesion</source>
      <translation>Повторный осмотр этого образования</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="92" />
      <source>Start a new examination of the same lesion today</source>
      <translation>Начать сегодня новое обследование того же образования</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="93" />
      <source>Compare over time…</source>
      <translation>Сравнить в динамике…</translation>
    </message>
  </context>
  <context>
    <name>ExaminationView</name>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="106" />
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="108" />
      <source>Referral PDF…</source>
      <translation>Направление (PDF)…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="109" />
      <source>Send to center</source>
      <translation>Отправить в центр</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="122" />
      <source>Referral letters are not available in this build.</source>
      <translation>Направления недоступны в этой сборке.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="124" />
      <source>Sending to the center is not available in this build.</source>
      <translation>Отправка в центр недоступна в этой сборке.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="152" />
      <source>Examination of {date}</source>
      <translation>Обследование от {date}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="154" />
      <source>Select or create an examination.</source>
      <translation>Выберите или создайте обследование.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="165" />
      <source>Site: {label}</source>
      <translation>Локализация: {label}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="167" />
      <source>Site: not marked yet</source>
      <translation>Локализация: ещё не отмечена</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="217" />
      <source>This examination was changed elsewhere; your edits were not saved.</source>
      <translation>Это обследование было изменено в другом месте; ваши правки не сохранены.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="226" />
      <source>Examination saved.</source>
      <translation>Обследование сохранено.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="252" />
      <source>The model is still loading.</source>
      <translation>Модель ещё загружается.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="267" />
      <source>This result comes from a different model than the one now loaded; press Analyse to repeat it.</source>
      <translation>Этот результат получен другой моделью, не той, что загружена сейчас; нажмите «Анализ», чтобы повторить его.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="273" />
      <source>No model can be used, so no analysis is possible (see the notice at the top).</source>
      <translation>Нет пригодной модели, поэтому анализ невозможен (см. сообщение вверху окна).</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="276" />
      <source>Add an image to this examination, then press Analyse.</source>
      <translation>Добавьте снимок к обследованию и нажмите «Анализ».</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="278" />
      <source>The model is loading…</source>
      <translation>Модель загружается…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="280" />
      <source>This picture has not been analysed yet. Press Analyse.</source>
      <translation>Этот снимок ещё не анализировался. Нажмите «Анализ».</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="295" />
      <source>Analysing…</source>
      <translation>Анализ…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="299" />
      <source>Reading the picture…</source>
      <translation>Чтение снимка…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="299" />
      <source>Running the model…</source>
      <translation>Работа модели…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="329" />
      <source>The result could not be stored: {error}</source>
      <translation>Не удалось сохранить результат: {error}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="332" />
      <source>Analysis finished in {duration}.</source>
      <translation>Анализ завершён за {duration}.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="343" />
      <source>The analysis failed: {error}</source>
      <translation>Анализ не выполнен: {error}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="370" />
      <source>The examination is queued for sending; see the Outbox tab.</source>
      <translation>Обследование поставлено в очередь на отправку; см. вкладку «Исходящие».</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="321" />
      <source>Not analysed. Take a better picture of the lesion and add it, or press Analyse again.</source>
      <translation>Анализ не выполнен. Сделайте более качественный снимок образования и добавьте его или снова нажмите «Анализ».</translation>
    </message>
  </context>
  <context>
    <name>HeatLegend</name>
    <message>
      <location filename="../../dermassist/ui/heat_layer.py" line="32" />
      <source>little evidence</source>
      <translation>мало признаков</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/heat_layer.py" line="33" />
      <source>most evidence</source>
      <translation>больше всего признаков</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/heat_layer.py" line="40" />
      <source>Colours of the heatmap: where the model found the evidence for its estimate, from little to most</source>
      <translation>Цвета тепловой карты: где модель нашла признаки для своей оценки, от малого к наибольшему</translation>
    </message>
  </context>
  <context>
    <name>ImageViewer</name>
    <message>
      <location filename="../../dermassist/ui/image_viewer.py" line="43" />
      <source>Wheel: zoom. Drag: move. Double-click: fit to window.</source>
      <translation>Колесо — масштаб. Перетаскивание — сдвиг. Двойной щелчок — по размеру окна.</translation>
    </message>
  </context>
  <context>
    <name>ImagesPane</name>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="64" />
      <source>No picture yet. Open a file, drop one here, paste (Ctrl+V) or use the camera.</source>
      <translation>Снимков пока нет. Откройте файл, перетащите его сюда, вставьте (Ctrl+V) или воспользуйтесь камерой.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="78" />
      <source>Open file…</source>
      <translation>Открыть файл…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="80" />
      <source>Paste</source>
      <translation>Вставить</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="81" />
      <source>Camera…</source>
      <translation>Камера…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="116" />
      <source>whole picture</source>
      <translation>весь снимок</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="118" />
      <source>Tint the whole picture, not only the region with the most evidence</source>
      <translation>Окрашивать весь снимок, а не только область с наибольшим числом признаков</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="214" />
      <location filename="../../dermassist/ui/images_pane.py" line="229" />
      <source>Not added: {reason}</source>
      <translation>Не добавлено: {reason}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="216" />
      <source>Could not save the picture: {error}</source>
      <translation>Не удалось сохранить снимок: {error}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="245" />
      <source>Open dermoscopy images</source>
      <translation>Открыть дерматоскопические снимки</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="245" />
      <source>Images ({patterns})</source>
      <translation>Изображения ({patterns})</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="257" />
      <source>pasted image</source>
      <translation>вставленный снимок</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="259" />
      <source>The clipboard holds no picture.</source>
      <translation>В буфере обмена нет изображения.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="267" />
      <source>camera capture</source>
      <translation>снимок с камеры</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="280" />
      <source>dropped image</source>
      <translation>перетащенный снимок</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="105" />
      <source>Heatmap</source>
      <translation>Тепловая карта</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="109" />
      <source>Where in the picture the model found the evidence for its estimate (red: most, blue: least)</source>
      <translation>Где на снимке модель нашла признаки для своей оценки (красный — больше всего, синий — меньше всего)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="115" />
      <source>Heatmap opacity</source>
      <translation>Непрозрачность тепловой карты</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="123" />
      <source>Opacity</source>
      <translation>Непрозрачность</translation>
    </message>
  </context>
  <context>
    <name>LesionHistoryDialog</name>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="34" />
      <source>Lesion over time</source>
      <translation>Образование в динамике</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="38" />
      <source>{n} examinations of this lesion</source>
      <translation>Обследований этого образования: {n}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="43" />
      <source>Heatmap</source>
      <translation>Тепловая карта</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="83" />
      <source>no picture</source>
      <translation>нет снимка</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="83" />
      <source>not analysed</source>
      <translation>анализ не проводился</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="87" />
      <source>Malignant: {p}</source>
      <translation>Злокачественность: {p}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="88" />
      <source>above threshold</source>
      <translation>выше порога</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="95" />
      <source>Change: {d} percentage points</source>
      <translation>Изменение: {d} п. п.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="48" />
      <source>DermAssist {version}: dermoscopy decision support</source>
      <translation>DermAssist {version}: поддержка решений в дерматоскопии</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="67" />
      <source>Patients</source>
      <translation>Пациенты</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="150" />
      <source>Outbox</source>
      <translation>Исходящие</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="83" />
      <source>Model: not loaded yet</source>
      <translation>Модель: ещё не загружена</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="95" />
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="96" />
      <source>&amp;New patient…</source>
      <translation>&amp;Новый пациент…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="98" />
      <source>&amp;Settings…</source>
      <translation>&amp;Настройки…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="101" />
      <source>&amp;Quit</source>
      <translation>В&amp;ыход</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="103" />
      <source>&amp;Audit trail…</source>
      <translation>&amp;Журнал действий…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="111" />
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="112" />
      <source>&amp;About DermAssist</source>
      <translation>&amp;О программе DermAssist</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="154" />
      <source>Model: loading…</source>
      <translation>Модель: загрузка…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="161" />
      <source>Model: {name} {version} (sha256 {sha}) on {provider}</source>
      <translation>Модель: {name} {version} (sha256 {sha}), {provider}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="170" />
      <location filename="../../dermassist/ui/main_window.py" line="283" />
      <source>Model: none</source>
      <translation>Модель: нет</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="172" />
      <source>No model is installed, so pictures cannot be analysed.</source>
      <translation>Модель не установлена, поэтому снимки нельзя проанализировать.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="174" />
      <source>To get one, ask your administrator for the DermAssist model package and put the model file (.onnx) with its card (.json) into {folder}, or import a model with 'dermassist import-model MODEL.onnx'; then restart DermAssist.</source>
      <translation>Попросите у администратора пакет модели DermAssist и поместите файл модели (.onnx) вместе с её карточкой (.json) в папку {folder} или импортируйте модель командой 'dermassist import-model MODEL.onnx', затем перезапустите DermAssist.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="179" />
      <source>The model could not be loaded, so pictures cannot be analysed.</source>
      <translation>Модель не удалось загрузить, поэтому снимки нельзя проанализировать.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="181" />
      <source>You can record patients and pictures meanwhile.</source>
      <translation>Пациентов и снимки можно вносить и сейчас.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="212" />
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="212" />
      <source>The new language will be used the next time DermAssist starts.</source>
      <translation>Новый язык будет применён при следующем запуске DermAssist.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="279" />
      <source>Model: {name} {version}, sha256 {sha}</source>
      <translation>Модель: {name} {version}, sha256 {sha}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="287" />
      <source>About DermAssist</source>
      <translation>О программе DermAssist</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="290" />
      <source>Records: {path} (schema version {v})</source>
      <translation>Записи: {path} (версия схемы {v})</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/app.py" line="65" />
      <source>DermAssist cannot open its records:</source>
      <translation>DermAssist не может открыть свои записи:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/app.py" line="69" />
      <source>Ready in {duration}</source>
      <translation>Готово за {duration}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="105" />
      <source>&amp;Back up records…</source>
      <translation>&amp;Резервная копия записей…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="225" />
      <source>No backup of the records yet. Back up now…</source>
      <translation>Резервной копии записей ещё нет. Создать сейчас…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="227" />
      <source>The last backup is {days} days old. Back up now…</source>
      <translation>Последней резервной копии {days} дн. Создать сейчас…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="240" />
      <source>Back up the records to</source>
      <translation>Куда сохранить резервную копию записей</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="244" />
      <source>Backing up the records…</source>
      <translation>Создаётся резервная копия записей…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="261" />
      <source>Backup complete and verified: {folder}</source>
      <translation>Резервная копия создана и проверена: {folder}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="264" />
      <source>Backup failed</source>
      <translation>Резервная копия не создана</translation>
    </message>
  </context>
  <context>
    <name>OutboxPanel</name>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="94" />
      <source>Referrals waiting for the specialized center. They are sent in the background and retried until the center confirms them; closing the application loses nothing.</source>
      <translation>Направления, ожидающие отправки в специализированный центр. Они отправляются в фоне и повторяются, пока центр не подтвердит получение; при закрытии программы ничего не теряется.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="103" />
      <source>No.</source>
      <translation>№</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="104" />
      <source>Examination</source>
      <translation>Обследование</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="105" />
      <source>Patient</source>
      <translation>Пациент</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="106" />
      <source>Status</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="107" />
      <source>Malignant</source>
      <translation>Злокачественность</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="108" />
      <source>Tries</source>
      <translation>Попытки</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="109" />
      <source>Next try / delivered</source>
      <translation>Следующая попытка / доставлено</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="110" />
      <source>Reason / destination</source>
      <translation>Причина / получатель</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="122" />
      <source>Send now</source>
      <translation>Отправить сейчас</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="123" />
      <source>Try every waiting referral now instead of waiting for the next retry</source>
      <translation>Попытаться отправить все ожидающие направления сейчас, не дожидаясь следующей попытки</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="125" />
      <source>Export to folder or USB…</source>
      <translation>Экспорт в папку или на USB…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="126" />
      <source>Write the selected referral (DICOM files, PDF, manifest) to a folder</source>
      <translation>Записать выбранное направление (файлы DICOM, PDF, опись) в папку</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="128" />
      <source>Show package</source>
      <translation>Показать пакет</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="181" />
      <source>Last pass: {delivered} delivered, {failed} not delivered</source>
      <translation>Последний проход: доставлено {delivered}, не доставлено {failed}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="189" />
      <source>Sender error: {message}</source>
      <translation>Ошибка отправки: {message}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="200" />
      <source>queued</source>
      <translation>в очереди</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="201" />
      <source>sending</source>
      <translation>отправляется</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="202" />
      <source>delivered</source>
      <translation>доставлено</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="203" />
      <source>failed, will retry</source>
      <translation>не доставлено, будет повтор</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="210" />
      <source>now</source>
      <translation>сейчас</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="212" />
      <source>next pass</source>
      <translation>при следующем проходе</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="230" />
      <source>Outbox not readable right now: {message}</source>
      <translation>Очередь отправки сейчас недоступна: {message}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="300" />
      <source>Export the referral to a folder or USB stick</source>
      <translation>Экспорт направления в папку или на USB-накопитель</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="306" />
      <source>Export referral</source>
      <translation>Экспорт направления</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="308" />
      <source>Exported to {folder}</source>
      <translation>Экспортировано в {folder}</translation>
    </message>
  </context>
  <context>
    <name>PacsSettingsWidget</name>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="65" />
      <source>DICOMweb (STOW-RS over HTTPS)</source>
      <translation>DICOMweb (STOW-RS по HTTPS)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="66" />
      <source>DIMSE (C-STORE)</source>
      <translation>DIMSE (C-STORE)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="69" />
      <source>Protocol:</source>
      <translation>Протокол:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="71" />
      <source>Dermoscopic Photography (falls back automatically)</source>
      <translation>Дерматоскопическая фотография (при необходимости автоматическая замена)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="72" />
      <source>VL Photographic (older PACS)</source>
      <translation>VL Photographic (для старых PACS)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="74" />
      <source>Image type:</source>
      <translation>Тип изображения:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="77" />
      <source>DICOMweb</source>
      <translation>DICOMweb</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="82" />
      <source>URL:</source>
      <translation>Адрес (URL):</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="84" />
      <source>None</source>
      <translation>Нет</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="85" />
      <source>User name and password</source>
      <translation>Имя пользователя и пароль</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="86" />
      <source>Access token (bearer)</source>
      <translation>Токен доступа (bearer)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="89" />
      <source>Authentication:</source>
      <translation>Аутентификация:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="91" />
      <source>User name:</source>
      <translation>Имя пользователя:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="94" />
      <source>Password:</source>
      <translation>Пароль:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="97" />
      <source>Token:</source>
      <translation>Токен:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="98" />
      <source>Verify the server's certificate</source>
      <translation>Проверять сертификат сервера</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="104" />
      <location filename="../../dermassist/ui/pacs_settings.py" line="133" />
      <source>system certificates</source>
      <translation>системные сертификаты</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="105" />
      <source>Browse…</source>
      <translation>Обзор…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="109" />
      <location filename="../../dermassist/ui/pacs_settings.py" line="134" />
      <source>CA certificate:</source>
      <translation>Сертификат ЦС:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="110" />
      <source>Also confirm every delivery with a QIDO-RS query</source>
      <translation>Дополнительно подтверждать каждую доставку запросом QIDO-RS</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="112" />
      <source>DIMSE</source>
      <translation>DIMSE</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="115" />
      <source>Host:</source>
      <translation>Узел:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="119" />
      <source>Port:</source>
      <translation>Порт:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="123" />
      <source>Center's AE title:</source>
      <translation>AE-титул центра:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="127" />
      <source>Our AE title:</source>
      <translation>Наш AE-титул:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="128" />
      <source>Encrypt with TLS (the center's certificate is checked)</source>
      <translation>Шифровать по TLS (сертификат центра проверяется)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="180" />
      <source>C-STORE without TLS sends patient data unencrypted: turn on TLS, or use it only inside the clinic network or over a VPN.</source>
      <translation>C-STORE без TLS передаёт данные пациента без шифрования: включите TLS или используйте его только внутри сети клиники либо через VPN.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="143" />
      <source>Test connection</source>
      <translation>Проверить соединение</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="156" />
      <source>CA certificate</source>
      <translation>Сертификат ЦС</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="156" />
      <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
      <translation>Сертификаты (*.pem *.crt *.cer);;Все файлы (*)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="174" />
      <source>Without HTTPS, patient data travels unencrypted.</source>
      <translation>Без HTTPS данные пациентов передаются незашифрованными.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="176" />
      <source>Certificate checking is off: anyone on the network could pose as the center.</source>
      <translation>Проверка сертификата отключена: любой в сети может выдать себя за центр.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="186" />
      <source>Center's AE title</source>
      <translation>AE-титул центра</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="187" />
      <source>Our AE title</source>
      <translation>Наш AE-титул</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="191" />
      <source>{field}: only Latin letters, digits and simple punctuation, up to 16.</source>
      <translation>{field}: только латинские буквы, цифры и простые знаки препинания, не более 16.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="221" />
      <source>Testing…</source>
      <translation>Проверка…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="227" />
      <source>Connected: {message}</source>
      <translation>Соединение установлено: {message}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="230" />
      <source>Failed: {message}</source>
      <translation>Ошибка: {message}</translation>
    </message>
  </context>
  <context>
    <name>PatientDialog</name>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="34" />
      <source>New patient</source>
      <translation>Новый пациент</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="34" />
      <source>Edit patient</source>
      <translation>Изменить данные пациента</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="38" />
      <source>Surname, first name, patronymic</source>
      <translation>Фамилия, имя, отчество</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="49" />
      <source>The center calls this number to book the visit</source>
      <translation>По этому номеру центр позвонит, чтобы назначить приём</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="50" />
      <source>Full name *</source>
      <translation>ФИО *</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="51" />
      <source>Date of birth</source>
      <translation>Дата рождения</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="52" />
      <source>Sex</source>
      <translation>Пол</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="53" />
      <source>Medical record / insurance no.</source>
      <translation>№ карты / полиса</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="54" />
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="92" />
      <source>The date of birth is not a date: type it as day, month, year (e.g. {example}).</source>
      <translation>Дата рождения не распознана: введите день, месяц и год (например, {example}).</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="99" />
      <source>Please enter the patient's full name.</source>
      <translation>Введите ФИО пациента.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="105" />
      <source>This patient was changed elsewhere meanwhile. Close and open it again.</source>
      <translation>Данные пациента тем временем изменены в другом месте. Закройте и откройте их заново.</translation>
    </message>
  </context>
  <context>
    <name>PatientListPanel</name>
    <message>
      <location filename="../../dermassist/ui/patient_list.py" line="25" />
      <source>Search: name, record no., phone, birth year</source>
      <translation>Поиск: ФИО, № карты, телефон, год рождения</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_list.py" line="33" />
      <source>New patient…</source>
      <translation>Новый пациент…</translation>
    </message>
    <message numerus="yes">
      <location filename="../../dermassist/ui/patient_list.py" line="57" />
      <source>%n patient(s)</source>
      <translation>
        <numerusform>%n пациент</numerusform>
        <numerusform>%n пациента</numerusform>
        <numerusform>%n пациентов</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PatientView</name>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="46" />
      <source>Edit patient…</source>
      <translation>Изменить данные…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="54" />
      <source>Examinations</source>
      <translation>Обследования</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="60" />
      <source>New examination</source>
      <translation>Новое обследование</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="85" />
      <source>Select a patient on the left, or create a new one.</source>
      <translation>Выберите пациента слева или создайте нового.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="90" />
      <source>born {date} ({age} y)</source>
      <translation>дата рождения {date} ({age} лет)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="92" />
      <source>record no. {n}</source>
      <translation>№ карты {n}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="94" />
      <source>phone {phone}</source>
      <translation>тел. {phone}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="131" />
      <source>not analysed</source>
      <translation>анализ не проводился</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="131" />
      <source>no picture</source>
      <translation>нет снимка</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="135" />
      <source>picture warnings</source>
      <translation>предупреждения о снимке</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="136" />
      <source>malignant {p}</source>
      <translation>злокачественность {p}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="159" />
      <source>New examination created.</source>
      <translation>Создано новое обследование.</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <location filename="../../dermassist/ui/i18n.py" line="16" />
      <source>&amp;Look in:</source>
      <translation>&amp;Папка:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/i18n.py" line="17" />
      <source>Files of &amp;type:</source>
      <translation>&amp;Типы файлов:</translation>
    </message>
  </context>
  <context>
    <name>ReferralContent</name>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="24" />
      <source>Images</source>
      <translation>Снимки</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="27" />
      <source>Referral PDF</source>
      <translation>Направление (PDF)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="36" />
      <source>Show the report as received (DICOM SR)</source>
      <translation>Показать отчёт в полученном виде (DICOM SR)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="45" />
      <source>AI result</source>
      <translation>Результат ИИ</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="52" />
      <source>PDF viewing is not available in this installation.</source>
      <translation>Просмотр PDF в этой установке недоступен.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="90" />
      <source>Model: {model}</source>
      <translation>Модель: {model}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="104" />
      <source>Picture {n}: not analysed</source>
      <translation>Снимок {n}: анализ не выполнялся</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="105" />
      <source>Picture {n}: AI estimate of malignancy {p}</source>
      <translation>Снимок {n}: оценка ИИ вероятности злокачественности {p}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="107" />
      <source>referral threshold {t}</source>
      <translation>порог направления {t}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="108" />
      <source>above the threshold</source>
      <translation>выше порога</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="108" />
      <source>below the threshold</source>
      <translation>ниже порога</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="85" />
      <location filename="../../dermassist/ui/report_dialog.py" line="152" />
      <source>Referral PDF</source>
      <translation>Направление (PDF)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="89" />
      <source>Report language:</source>
      <translation>Язык направления:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="91" />
      <source>English</source>
      <translation>Английский</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="92" />
      <source>Russian</source>
      <translation>Русский</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="109" />
      <source>The preview is not available in this build; open the PDF in the viewer.</source>
      <translation>Предпросмотр недоступен в этой сборке; откройте PDF во внешней программе.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="116" />
      <source>Save as…</source>
      <translation>Сохранить как…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="117" />
      <source>Print…</source>
      <translation>Печать…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="118" />
      <source>Open in viewer</source>
      <translation>Открыть в программе просмотра</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="119" />
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="131" />
      <source>Printing needs Qt PDF; open the PDF in the viewer and print there.</source>
      <translation>Для печати нужен модуль Qt PDF; откройте PDF в программе просмотра и напечатайте оттуда.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="151" />
      <source>The referral could not be produced.</source>
      <translation>Не удалось сформировать направление.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="160" />
      <source>{pages} page(s), made in {seconds} s</source>
      <translation>Страниц: {pages}, сформировано за {seconds} с</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="199" />
      <location filename="../../dermassist/ui/report_dialog.py" line="207" />
      <source>Save referral</source>
      <translation>Сохранить направление</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="202" />
      <source>Saved to {path}</source>
      <translation>Сохранено: {path}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="207" />
      <source>PDF files (*.pdf)</source>
      <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="221" />
      <location filename="../../dermassist/ui/report_dialog.py" line="249" />
      <source>Print referral</source>
      <translation>Печать направления</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="221" />
      <source>The printer could not be started.</source>
      <translation>Не удалось запустить печать.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="261" />
      <location filename="../../dermassist/ui/report_dialog.py" line="265" />
      <source>Open referral</source>
      <translation>Открыть направление</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="265" />
      <source>No PDF viewer could be started. The file is at {path}</source>
      <translation>Не удалось открыть программу просмотра PDF. Файл находится здесь: {path}</translation>
    </message>
  </context>
  <context>
    <name>ResultPanel</name>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="55" />
      <source>Analysis</source>
      <translation>Анализ</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="58" />
      <source>Analyse</source>
      <translation>Анализ</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="60" />
      <source>Estimate the probability of malignancy for the selected image</source>
      <translation>Оценить вероятность злокачественности для выбранного снимка</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="129" />
      <source>Malignant</source>
      <translation>Злокачественное</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="129" />
      <source>Benign</source>
      <translation>Доброкачественное</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="166" />
      <source>Add an image to this examination, then press Analyse.</source>
      <translation>Добавьте снимок к обследованию и нажмите «Анализ».</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="255" />
      <source>Analysed despite warnings about the picture: the result may be unreliable.</source>
      <translation>Анализ выполнен несмотря на предупреждения о снимке: результат может быть ненадёжным.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="257" />
      <source>Warnings about the picture: the result may be unreliable.</source>
      <translation>Есть предупреждения о снимке: результат может быть ненадёжным.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="263" />
      <source>Suspicious: refer the patient to the specialist center.</source>
      <translation>Подозрительно: направьте пациента в специализированный центр.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="268" />
      <source>The estimated probability of malignancy ({p}) is at or above the model's referral threshold ({t}).</source>
      <translation>Оценённая вероятность злокачественности ({p}) не ниже порога направления модели ({t}).</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="274" />
      <source>Below the referral threshold.</source>
      <translation>Ниже порога направления.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="278" />
      <source>The estimated probability of malignancy ({p}) is below the model's referral threshold ({t}). This does not rule out melanoma: refer anyway if the lesion looks suspicious to you, has changed, or the patient is worried.</source>
      <translation>Оценённая вероятность злокачественности ({p}) ниже порога направления модели ({t}). Это не исключает меланому: всё равно направьте пациента, если образование кажется вам подозрительным, изменилось или беспокоит пациента.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="219" />
      <source>from the model card</source>
      <translation>из карточки модели</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="221" />
      <source>operating point {name}</source>
      <translation>рабочая точка {name}</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="224" />
      <source>Referral threshold: {t} ({source}).</source>
      <translation>Порог направления: {t} ({source}).</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="230" />
      <source>Analysed despite these warnings:</source>
      <translation>Анализ выполнен, несмотря на предупреждения:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="230" />
      <source>Warnings:</source>
      <translation>Предупреждения:</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="235" />
      <source>Model: {name} {version} (sha256 {sha}), {provider}; analysed {when}.</source>
      <translation>Модель: {name} {version} (sha256 {sha}), {provider}; анализ {when}.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="319" />
      <source>Test-set performance of this model: not available.</source>
      <translation>Показатели модели на тестовой выборке: нет данных.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="327" />
      <source>95% CI</source>
      <translation>95% ДИ</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="329" />
      <source>not available</source>
      <translation>нет данных</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="331" />
      <source>Tested on {n} images: sensitivity {sens}, specificity {spec}, ROC AUC {auc}.</source>
      <translation>Проверена на {n} снимках: чувствительность {sens}, специфичность {spec}, ROC AUC {auc}.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="104" />
      <source>Analyse anyway</source>
      <translation>Всё равно анализировать</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="106" />
      <source>Show the result; your choice is recorded and printed on the referral</source>
      <translation>Показать результат; ваш выбор записывается и печатается в направлении</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="107" />
      <source>Do not analyse</source>
      <translation>Не анализировать</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="185" />
      <source>Check the picture before relying on an analysis:</source>
      <translation>Проверьте снимок, прежде чем полагаться на анализ:</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="36" />
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="42" />
      <source>Clinic and doctor</source>
      <translation>Клиника и врач</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="43" />
      <source>Model</source>
      <translation>Модель</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="49" />
      <location filename="../../dermassist/ui/settings_dialog.py" line="55" />
      <source>Transfer to center</source>
      <translation>Передача в центр</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="53" />
      <source>Transfer settings are not available in this build ({why}).</source>
      <translation>Настройки передачи недоступны в этой сборке ({why}).</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="80" />
      <source>As the system (automatic)</source>
      <translation>Как в системе (автоматически)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="84" />
      <source>Clinic name</source>
      <translation>Название клиники</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="85" />
      <source>Clinic address</source>
      <translation>Адрес клиники</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="86" />
      <source>Clinic phone</source>
      <translation>Телефон клиники</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="87" />
      <source>Doctor's name</source>
      <translation>ФИО врача</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="88" />
      <source>Doctor's phone</source>
      <translation>Телефон врача</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="89" />
      <source>Specialist center</source>
      <translation>Специализированный центр</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="90" />
      <source>Center's contact (phone, address)</source>
      <translation>Контакты центра (телефон, адрес)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="91" />
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="99" />
      <source>default installed model</source>
      <translation>установленная модель по умолчанию</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="100" />
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="104" />
      <source>Model file (.onnx)</source>
      <translation>Файл модели (.onnx)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="107" />
      <source>The default installed model</source>
      <translation>Установленная модель по умолчанию</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="113" />
      <source>not validated</source>
      <translation>не проверена</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="117" />
      <source>Use this model</source>
      <translation>Использовать модель</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="120" />
      <source>Automatic (GPU if available, else CPU)</source>
      <translation>Автоматически (GPU, если есть, иначе CPU)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="121" />
      <source>CPU</source>
      <translation>Процессор (CPU)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="122" />
      <source>NVIDIA GPU (CUDA)</source>
      <translation>Видеокарта NVIDIA (CUDA)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="123" />
      <source>GPU through DirectML (Windows)</source>
      <translation>Видеокарта через DirectML (Windows)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="128" />
      <source>Run the model on</source>
      <translation>Выполнять модель на</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="130" />
      <source>The model card's threshold</source>
      <translation>Порог из карточки модели</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="137" />
      <source>{key} (sensitivity {s} on validation)</source>
      <translation>{key} (чувствительность {s} на валидации)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="143" />
      <source>Referral threshold</source>
      <translation>Порог направления</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="156" />
      <source>Loaded model: {name} {version} (sha256 {sha}).</source>
      <translation>Загруженная модель: {name} {version} (sha256 {sha}).</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="160" />
      <source>No model is loaded.</source>
      <translation>Модель не загружена.</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="181" />
      <source>Choose a model</source>
      <translation>Выбор модели</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="181" />
      <source>ONNX models (*.onnx)</source>
      <translation>Модели ONNX (*.onnx)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="151" />
      <source>Average the picture's 8 flips and rotations (slower; see the manual)</source>
      <translation>Усреднять 8 отражений и поворотов снимка (медленнее; см. руководство)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="154" />
      <source>Test-time augmentation</source>
      <translation>Аугментация при анализе</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="177" />
      <source>Threshold {t}.</source>
      <translation>Порог {t}.</translation>
    </message>
  </context>
  <context>
    <name>Sex</name>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="19" />
      <source>female</source>
      <translation>женский</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="20" />
      <source>male</source>
      <translation>мужской</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="21" />
      <source>other</source>
      <translation>другой</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="22" />
      <source>not stated</source>
      <translation>не указан</translation>
    </message>
  </context>
  <context>
    <name>Urgency</name>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="30" />
      <source>routine</source>
      <translation>плановая</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="31" />
      <source>soon (within 2 weeks)</source>
      <translation>в ближайшее время (в течение 2 недель)</translation>
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="32" />
      <source>urgent</source>
      <translation>срочная</translation>
    </message>
  </context>
</TS>